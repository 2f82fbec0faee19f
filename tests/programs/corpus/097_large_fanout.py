# Fan-out of 2000 tasks with staggered sleeps, gathered; checks the totals and the finishing order in batches
import asyncio


async def work(i):
    await asyncio.sleep((i % 10) / 100)
    return i % 7


async def main():
    loop = asyncio.get_running_loop()
    results = await asyncio.gather(*(work(i) for i in range(2000)))
    print(len(results), sum(results), loop.time())
    finished = []

    async def tracked(i):
        await asyncio.sleep((i % 4) * 0.25)
        finished.append(i)

    tasks = [asyncio.create_task(tracked(i)) for i in range(1000)]
    await asyncio.wait(tasks)
    print(finished[:6], finished[-3:], len(finished), loop.time())


asyncio.run(main())
