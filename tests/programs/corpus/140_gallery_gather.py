# Gallery, the four ways 5: gather runs coroutines together, results in argument order.
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
    results = await asyncio.gather(work(0, 1.5), work(1, 0.5), work(2, 1.0))
    # the tasks finished in the order 1, 2, 0, but the list follows the arguments
    print(f"{now()} main got {results}")


asyncio.run(main())
