# A traceback keeps the locals of the frames it passed through until the exception goes: the
# fire-and-forget task a failing main holds is logged after the program's traceback, and a
# coroutine an inner frame made warns when the handler is done with the exception.
import asyncio


async def job():
    return 1


def helper():
    c = job()
    raise ValueError("helper failed")


async def fail():
    raise ValueError("boom")


async def main():
    try:
        helper()
    except ValueError as e:
        print("caught", e)
        print("handler done")
    print("after the handler")
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.1)
    raise RuntimeError("main failed")


asyncio.run(main())
