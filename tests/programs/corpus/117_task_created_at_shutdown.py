# A task cancelled at shutdown that swallows the cancel and starts a new task: the new task never finishes
import asyncio


async def late_child():
    print("late child starts")
    await asyncio.sleep(1)
    print("late child finishes (never printed: the loop is closed first)")
    return "late"


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: cancelled at shutdown, starts another task")
        asyncio.create_task(late_child())
        await asyncio.sleep(0.1)
        print("stubborn: finishes its cleanup")
    return "stubborn done"


async def main():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    print("main ends")


asyncio.run(main())
print("after asyncio.run")
