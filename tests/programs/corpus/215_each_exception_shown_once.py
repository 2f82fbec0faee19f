# A traceback shows each exception once, as CPython's TracebackException does: a cause or context
# already shown is not shown again, but a group's members always are (a caught exception wrapped
# in a group is both), and groups nested past ten levels are cut.
import asyncio


async def wrap():
    await asyncio.sleep(0)
    try:
        raise ValueError("x")
    except ValueError as e:
        raise ExceptionGroup("wrapped", [e])


async def deep():
    await asyncio.sleep(0)
    g = ValueError("leaf")
    for i in range(12):
        g = ExceptionGroup(f"level {i}", [g])
    raise g


async def child(n, shared):
    await asyncio.sleep(0.1)
    raise RuntimeError(f"child {n}") from shared


async def main():
    asyncio.create_task(wrap())
    asyncio.create_task(deep())
    await asyncio.sleep(0.05)
    shared = KeyError("root")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(1, shared))
            tg.create_task(child(2, shared))
    except* RuntimeError as eg:
        print("caught", len(eg.exceptions))
        raise


asyncio.run(main())
