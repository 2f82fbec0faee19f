# A classic mistake: asyncio.run() inside a coroutine. asyncio.run's frame holds the coroutine while
# its RuntimeError lives, so the coroutine warns only once the traceback is printed, at exit (<sys>:0).
import asyncio

async def job():
    return 1

async def main():
    asyncio.run(job())

asyncio.run(main())
