# A coroutine keeps the names its function had when it was made: renaming the
# function afterwards changes the names of the coroutines made after, not before.
import asyncio


async def work(i):
    await asyncio.sleep(0.1 * i)
    return i


async def main():
    early = work(1)
    work.__name__ = "renamed"
    work.__qualname__ = "Jobs.renamed"
    late = work(2)
    print(early.__name__, early.__qualname__)
    print(late.__name__, late.__qualname__)
    print(work.__name__, work.__qualname__)
    t1 = asyncio.create_task(early)
    t2 = asyncio.create_task(late)
    print(t1.get_coro().__qualname__, t2.get_coro().__qualname__)
    print(await asyncio.gather(t1, t2))
    forgotten = work(3)
    del forgotten


asyncio.run(main())
