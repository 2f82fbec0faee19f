# Queue with producers and consumers: put/get, task_done and join, qsize/empty/full, maxsize blocking the producer
import asyncio


async def producer(q, name, n):
    for i in range(n):
        item = f"{name}{i}"
        await q.put(item)
        print(f"put {item} qsize={q.qsize()} full={q.full()}")
        await asyncio.sleep(0.05)


async def consumer(q, name):
    while True:
        item = await q.get()
        await asyncio.sleep(0.2)
        print(f"{name} handled {item}")
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    print("maxsize", q.maxsize, "empty", q.empty())
    consumers = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    await asyncio.gather(producer(q, "a", 3), producer(q, "b", 2))
    print("producers done at", asyncio.get_running_loop().time())
    await q.join()
    print("queue drained at", asyncio.get_running_loop().time(), "empty", q.empty())
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    print([c.cancelled() for c in consumers])
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    print(asyncio.Queue().maxsize, asyncio.Queue().full())


asyncio.run(main())
