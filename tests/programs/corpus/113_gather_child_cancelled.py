# gather when a child is cancelled from outside: without return_exceptions the awaiter gets CancelledError, siblings run on
import asyncio


async def work(i, delay):
    await asyncio.sleep(delay)
    print(f"work {i} done")
    return i


async def main():
    tasks = [asyncio.create_task(work(i, 1 + i)) for i in range(3)]
    asyncio.get_running_loop().call_later(0.5, tasks[1].cancel)
    try:
        await asyncio.gather(*tasks)
    except asyncio.CancelledError:
        print("main got CancelledError from gather at", asyncio.get_running_loop().time())
    print("main itself is not cancelled:", asyncio.current_task().cancelling())
    await asyncio.sleep(3)
    print([t.cancelled() for t in tasks])


asyncio.run(main())
