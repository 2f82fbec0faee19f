# Gallery, one API at a time: two workers share a Queue's jobs; join() waits for all.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def worker(name, queue):
    while True:
        seconds = await queue.get()
        print(f"{now()} worker {name} takes a {seconds} s job")
        await asyncio.sleep(seconds)
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for seconds in [1.5, 0.5, 1.2, 0.3, 0.7]:
        queue.put_nowait(seconds)
    workers = [asyncio.create_task(worker(name, queue)) for name in ["A", "B"]]
    await queue.join()  # until task_done() was called once for every job
    print(f"{now()} all jobs done, the workers still wait for more: stop them")
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)


asyncio.run(main())
