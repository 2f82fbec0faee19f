# Nested TaskGroups: an inner failure cancels the inner group, propagates as a group into the outer one
import asyncio


async def leaf(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{name} cancelled at {asyncio.get_running_loop().time()}")
        raise
    if fail:
        raise KeyError(name)
    print(f"{name} ok")
    return name


async def branch(name, fail_leaf):
    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(leaf(f"{name}.{i}", 0.1 * (i + 1), fail=(i == fail_leaf)))
    return name


async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(branch("A", None))
            outer.create_task(branch("B", 1))
            outer.create_task(leaf("solo", 0.5))
    except* KeyError as eg:
        print("KeyErrors:", repr(eg))
        for e in eg.exceptions:
            print(" ", type(e).__name__, str(e))


asyncio.run(main())
