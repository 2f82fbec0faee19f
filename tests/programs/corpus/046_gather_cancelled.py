# Cancelling a gather (or its awaiter) cancels every unfinished child, even with return_exceptions=True
import asyncio


async def child(i):
    try:
        await asyncio.sleep(i)
        print(f"child {i} finished")
        return i
    except asyncio.CancelledError:
        print(f"child {i} cancelled")
        raise


async def main():
    g = asyncio.gather(child(1), child(2), child(3), return_exceptions=True)
    asyncio.get_running_loop().call_later(1.5, g.cancel)
    try:
        await g
    except asyncio.CancelledError:
        print("gather was cancelled:", g.cancelled())

    async def waiter():
        return await asyncio.gather(child(1), child(4))

    w = asyncio.create_task(waiter())
    await asyncio.sleep(2)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("waiter cancelled, its gather cancelled the children")
    print("Done.")


asyncio.run(main())
