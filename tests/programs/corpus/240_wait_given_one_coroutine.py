# asyncio.wait given a coroutine rather than a list: wait's frame holds it while the TypeError lives,
# so it warns after the traceback, at exit (<sys>:0).
import asyncio

async def job():
    return 1

async def main():
    done, _ = await asyncio.wait(job())

asyncio.run(main())
