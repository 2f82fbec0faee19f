# TaskGroup success: the block waits for every task, including tasks added while it waits; results read afterwards
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1 * n)
    print(f"fetched {n}")
    return n * 100


async def spawner(tg, n):
    await asyncio.sleep(0.05)
    print("spawner adds a late task")
    tg.create_task(fetch(n), name="late")


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(fetch(n)) for n in (3, 1, 2)]
        tg.create_task(spawner(tg, 5))
        print("block body finished, exit waits")
    print("all done at", asyncio.get_running_loop().time())
    print([t.result() for t in tasks])
    async with asyncio.TaskGroup() as empty:
        pass
    print("an empty group exits at once")


asyncio.run(main())
