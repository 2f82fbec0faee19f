# Gallery, the four ways 2: create every task first, then await them one by one.
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
    tasks = [asyncio.create_task(work(i, s)) for i, s in enumerate([1.5, 0.5, 1.0])]
    print(f"{now()} main created {len(tasks)} tasks; they start when main awaits")
    results = []
    for task in tasks:
        result = await task  # the tasks all run meanwhile
        print(f"{now()} main got {result}")
        results.append(result)
    print(f"{now()} main got {results}")


asyncio.run(main())
