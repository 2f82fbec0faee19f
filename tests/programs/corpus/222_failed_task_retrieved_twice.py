# A failed task's exception retrieved more than once: the first result() gives it the traceback it
# had when it was set, later ones none, so awaiting it again does not pile up the frames of the
# earlier awaits (C future_get_result clears fut_exception_tb).
import asyncio


async def fail():
    raise ValueError("x")


async def main():
    t = asyncio.create_task(fail())
    try:
        await t
    except ValueError:
        pass
    try:
        t.result()
    except ValueError as e:
        print("again:", e)
    u = asyncio.create_task(fail())
    try:
        await asyncio.gather(u)
    except ValueError:
        pass
    await u


asyncio.run(main())
