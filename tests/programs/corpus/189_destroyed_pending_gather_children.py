# Tasks left pending when asyncio.run ends: the ones gather made from coroutines are never logged as destroyed (_log_destroy_pending = False), a task held only by such a task's frame is freed with it and logged, and a task passed to gather as a task is logged (fuzz seed 105 #481)
import asyncio


async def child(n):
    await asyncio.sleep(10)
    return n


async def holder():
    t = asyncio.create_task(child(1), name="held-by-holder")
    await asyncio.sleep(10)
    return t


async def fails():
    await asyncio.sleep(0.1)
    raise ValueError("boom")


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("stubborn: swallowed the cancel")
    passed = asyncio.create_task(child(2), name="passed-as-task")
    try:
        await asyncio.gather(fails(), holder(), passed)
    except ValueError as e:
        print("stubborn: gather raised", e)
    print("stubborn: done")


async def main():
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    print("main: done, stubborn pending:", not task.done())


asyncio.run(main())
print("after asyncio.run")
