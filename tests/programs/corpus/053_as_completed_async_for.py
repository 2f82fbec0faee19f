# as_completed with async for (3.13): it yields the original tasks themselves, in completion order
import asyncio


async def job(n):
    await asyncio.sleep(0.1 * (5 - n))
    return n * n


async def main():
    tasks = [asyncio.create_task(job(n), name=f"job{n}") for n in range(5)]
    order = []
    async for t in asyncio.as_completed(tasks):
        order.append(t.get_name())
        print(t.get_name(), t.result(), t in tasks)
    print(order)
    coros = [job(4), job(2)]
    async for t in asyncio.as_completed(coros):
        print("from a coroutine:", await t)


asyncio.run(main())
