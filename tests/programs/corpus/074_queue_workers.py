# Worker pool on a Queue (the docs' pattern written anew): random job durations, join, then cancel the workers
import asyncio
import random


async def worker(name, queue, totals):
    while True:
        duration = await queue.get()
        await asyncio.sleep(duration)
        totals[name] = totals.get(name, 0) + duration
        queue.task_done()
        print(f"{name} slept {duration:.3f} s")


async def main():
    random.seed(42)
    queue = asyncio.Queue()
    total = 0
    for _ in range(12):
        d = round(random.uniform(0.05, 1.0), 3)
        total += d
        queue.put_nowait(d)
    totals = {}
    workers = [asyncio.create_task(worker(f"worker-{i}", queue, totals)) for i in range(3)]
    started = asyncio.get_running_loop().time()
    await queue.join()
    elapsed = asyncio.get_running_loop().time() - started
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("====")
    print(f"3 workers slept in parallel for {elapsed:.2f} s")
    print(f"total expected sleep time: {total:.2f} s")
    print({k: round(v, 3) for k, v in sorted(totals.items())})


asyncio.run(main())
