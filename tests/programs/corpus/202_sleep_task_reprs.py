# A task running asyncio.sleep shows where sleep is in CPython's asyncio/tasks.py: its def line before it ran, the line it awaits at (a future for a positive delay, a bare yield for 0), and 'done, defined at' once finished
import asyncio


async def main():
    s = asyncio.create_task(asyncio.sleep(0.1))
    z = asyncio.create_task(asyncio.sleep(0))
    print(s)
    await asyncio.sleep(0)
    print(s)
    print(z)
    await s
    print(s)
    print(z)


asyncio.run(main())
