# Gallery, the four ways 1: await each coroutine in turn. Simple, but nothing overlaps.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def work(i, seconds):
    print(f"{now()} work {i} starts, it needs {seconds} s")
    await asyncio.sleep(seconds)
    print(f"{now()} work {i} done")
    return f"result {i}"


async def main():
    results = []
    for i, seconds in enumerate([1.5, 0.5, 1.0]):
        result = await work(i, seconds)  # main waits here until work i is done
        results.append(result)
    print(f"{now()} main got {results}")


asyncio.run(main())
