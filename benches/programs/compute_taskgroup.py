# 200 tasks in a TaskGroup, each 3,000 iterations of integer arithmetic, yielding every 500.
import asyncio


async def crunch(n):
    total = 0
    for i in range(3000):
        total = (total * 31 + i * n + 7) % 1_000_003
        if i % 500 == 0:
            await asyncio.sleep(0)
    return total


async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(crunch(n)) for n in range(200)]
    print(sum(t.result() for t in tasks))


asyncio.run(main())
