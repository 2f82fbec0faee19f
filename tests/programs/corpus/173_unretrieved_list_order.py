# failed tasks held in a list, freed together when main ends: CPython frees a list last item first, and logs them in that order
import asyncio


async def fail(i):
    raise ValueError(i)


async def main():
    tasks = [asyncio.create_task(fail(i)) for i in range(3)]
    await asyncio.sleep(0.1)
    print("main ends")


asyncio.run(main())
