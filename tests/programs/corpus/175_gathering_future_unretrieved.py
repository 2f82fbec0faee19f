# a gather nobody awaits, whose child fails: the gather retrieves the child's exception, and its own future logs "_GatheringFuture exception was never retrieved"
import asyncio


async def fail():
    await asyncio.sleep(0)
    raise ValueError("child failed")


async def main():
    g = asyncio.gather(fail())
    await asyncio.sleep(0.1)
    print("main ends", g.done())


asyncio.run(main())
