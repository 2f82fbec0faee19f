# Gallery, one API at a time: asyncio.timeout gives a whole block one time budget.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def step(name, seconds):
    print(f"{now()} {name} starts ({seconds} s)")
    await asyncio.sleep(seconds)
    print(f"{now()} {name} done")


async def main():
    try:
        async with asyncio.timeout(2):
            await step("download", 0.8)
            await step("unzip", 0.7)
            await step("install", 1.5)
        print("installed")
    except TimeoutError:
        print(f"{now()} the three steps took over 2 s: TimeoutError")


asyncio.run(main())
