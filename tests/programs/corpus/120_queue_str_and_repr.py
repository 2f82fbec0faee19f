# A queue printed: str() has no address, repr() has one (not printed here); both show the items
import asyncio


async def main():
    q = asyncio.Queue(maxsize=2)
    print(q)
    await q.put("job-1")
    print(f"{q}")
    print(str(asyncio.LifoQueue()), str(asyncio.PriorityQueue(5)))
    print(q.qsize(), q.maxsize)


asyncio.run(main())
