# wait_for with a timeout that expires: the CancelledError that becomes the TimeoutError's cause came up through wait_for's own frame (its traceback begins with ...)
import asyncio

async def fetch():
    await asyncio.sleep(2)

async def main():
    await asyncio.wait_for(fetch(), 0.5)

asyncio.run(main())
