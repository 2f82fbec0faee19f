# wait_for with a timeout of 0 cancels the task it made before it starts: the TimeoutError's cause, the CancelledError thrown into the coroutine, came up through wait_for's own frame (its traceback begins with ...)
import asyncio

async def quick():
    return "quick"

async def main():
    print(await asyncio.wait_for(quick(), 0))

asyncio.run(main())
