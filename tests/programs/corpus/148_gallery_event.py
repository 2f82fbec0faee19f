# Gallery, one API at a time: tasks wait on an Event until someone sets it.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def runner(name, go, seconds):
    print(f"{now()} {name} waits at the start line")
    await go.wait()
    print(f"{now()} {name} runs")
    await asyncio.sleep(seconds)
    print(f"{now()} {name} finishes after {seconds} s")


async def main():
    go = asyncio.Event()
    runners = [
        asyncio.create_task(runner(name, go, seconds))
        for name, seconds in [("Ada", 2.5), ("Bo", 1.5), ("Cy", 2.0)]
    ]
    await asyncio.sleep(1)
    print(f"{now()} ready, set, go!")
    go.set()
    await asyncio.gather(*runners)


asyncio.run(main())
