# Gallery, the four ways 3: a TaskGroup waits for all its tasks at the end of the block.
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
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(work(i, s)) for i, s in enumerate([1.5, 0.5, 1.0])]
        print(f"{now()} main created the tasks inside the group")
    print(f"{now()} the group waited for every task")
    print(f"{now()} main got {[task.result() for task in tasks]}")


asyncio.run(main())
