# Gallery, the four ways 4: asyncio.wait returns two sets, the done and the pending tasks.
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
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    first = done.pop()
    print(f"{now()} first finished: {first.result()}, still pending: {len(pending)}")
    done, pending = await asyncio.wait(tasks)  # the default: wait for ALL_COMPLETED
    print(f"{now()} done: {len(done)}, pending: {len(pending)}")
    # done is a set, in no useful order: read the results from the list
    print(f"{now()} main got {[task.result() for task in tasks]}")


asyncio.run(main())
