# A task cancelled before its first step never runs its body: CancelledError is raised at the
# coroutine's start, and the traceback names its `async def` line (without carets).
import asyncio


async def child(x):
    print("never printed", x)


async def parent():
    t = asyncio.create_task(child(1))
    t.cancel("by name")
    await t


async def main():
    try:
        await parent()
    except asyncio.CancelledError as e:
        print("parent saw", repr(e))
    await asyncio.create_task(parent())


asyncio.run(main())
