# The task iterating as_completed(timeout=...) is cancelled: the iterator lives on in its
# futures' callbacks, and the last of them to finish cancels the timeout's timer, so no pass
# runs at 0.3 s (the passes, compared with CPython's, show it).
import asyncio


async def work(i, delay):
    await asyncio.sleep(delay)
    print(f"work {i} done at {asyncio.get_running_loop().time():.2f}")
    return i


async def consume(tasks):
    async for t in asyncio.as_completed(tasks, timeout=0.3):
        print("consumed", await t)


async def main():
    tasks = [asyncio.create_task(work(i, 0.05 * (i + 1))) for i in range(3)]
    consumer = asyncio.create_task(consume(tasks))
    await asyncio.sleep(0.01)
    consumer.cancel()
    await asyncio.gather(*tasks)
    await asyncio.sleep(0.5)
    print("main ends at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
