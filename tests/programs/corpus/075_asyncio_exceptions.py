# asyncio's exception types: CancelledError is a BaseException, asyncio.TimeoutError is TimeoutError, InvalidStateError
import asyncio


async def main():
    print(issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    print(asyncio.TimeoutError is TimeoutError, issubclass(asyncio.InvalidStateError, Exception))
    print(repr(asyncio.CancelledError("why")), str(asyncio.CancelledError("why")), asyncio.CancelledError().args)
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except Exception:
        print("not caught by except Exception")
    except asyncio.CancelledError as e:
        print("caught by except CancelledError:", type(e).__name__)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except Exception as e:
        print("TimeoutError is an Exception:", type(e).__name__)
    fut = asyncio.get_running_loop().create_future()
    try:
        fut.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        raise asyncio.CancelledError("manual")
    except BaseException as e:
        print("raised by hand:", repr(e))


asyncio.run(main())
