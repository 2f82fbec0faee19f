# A TaskGroup whose parent is cancelled from outside: children cancelled, a plain CancelledError propagates
import asyncio


async def child(i):
    try:
        await asyncio.sleep(1 + i)
        print(f"child {i} finished")
    except asyncio.CancelledError:
        print(f"child {i} cancelled")
        raise


async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(child(i))
    except asyncio.CancelledError:
        print("parent sees CancelledError, cancelling() =", asyncio.current_task().cancelling())
        raise
    print("not reached")


async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(1.5)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled:", p.cancelled())
    child_task = asyncio.create_task(child(5))

    async def group_with_outside_cancel():
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(child(7))
            tg.create_task(child(0))
            await asyncio.sleep(0.5)
            t.cancel()
        return "group goes on when a child is cancelled"

    print(await group_with_outside_cancel())
    child_task.cancel()


asyncio.run(main())
