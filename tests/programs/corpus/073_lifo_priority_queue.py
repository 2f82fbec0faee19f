# LifoQueue pops the newest item first; PriorityQueue pops the smallest (priority, item) tuple first
import asyncio


async def main():
    lifo = asyncio.LifoQueue()
    for word in ["first", "second", "third"]:
        await lifo.put(word)
    print([lifo.get_nowait() for _ in range(lifo.qsize())])
    pq = asyncio.PriorityQueue()
    for prio, job in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent")]:
        pq.put_nowait((prio, job))
    while not pq.empty():
        prio, job = await pq.get()
        print(prio, job)
        pq.task_done()
    await pq.join()

    async def worker(q):
        while True:
            prio, n = await q.get()
            await asyncio.sleep(0.1)
            print("worked on", n, "priority", prio)
            q.task_done()

    q = asyncio.PriorityQueue(maxsize=3)
    w = asyncio.create_task(worker(q))
    for n in [5, 1, 4, 2, 3]:
        await q.put((n % 3, n))
        print("queued", n, "size", q.qsize())
    await q.join()
    w.cancel()
    print("stack is LIFO:", isinstance(lifo, asyncio.Queue), lifo.empty())


asyncio.run(main())
