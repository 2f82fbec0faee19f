# What goes when: a coroutine on the value stack of a frame an exception leaves warns at that frame's line; list.clear frees its items last first, so the tasks' logs come in that order
import asyncio


async def worker(i):
    raise ValueError(i)


async def fetch():
    pass


async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(3)]
    await asyncio.sleep(0)
    tasks.clear()
    print("cleared")
    print(fetch(), 1 / 0)


asyncio.run(main())
