# create_task() with no running loop, and asyncio.run() inside a coroutine, caught: the coroutine
# passed in is held by asyncio's frame in the traceback, and warns when the handler lets the
# exception go (at the handler's last line), not at the call.
import asyncio


async def job():
    return 1


try:
    asyncio.create_task(job())
except RuntimeError as e:
    print("caught:", e)
    print("moving on")


async def main():
    try:
        asyncio.run(job())
    except RuntimeError as e:
        print("caught:", e)
        print("moving on")
    print("end")


asyncio.run(main())
