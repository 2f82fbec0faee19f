# An exception raised in a task is chained ("During handling of the above exception") to what the
# code around asyncio.run handles: the exception an `except` block that calls asyncio.run is
# handling, and, while asyncio.run shuts the loop down, the exception main ended with.
import asyncio


async def child():
    int("x")


async def first():
    asyncio.create_task(child())
    await asyncio.sleep(0.01)
    print("nobody retrieves the child's ValueError: it is logged, chained to the KeyError")


try:
    raise KeyError("outside")
except KeyError:
    asyncio.run(first())


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        {}["missing"]


async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    raise RuntimeError("main fails")


try:
    asyncio.run(main())
except RuntimeError as e:
    print("asyncio.run raised", repr(e))
