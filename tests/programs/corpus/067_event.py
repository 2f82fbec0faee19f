# Event: waiters block until set(), is_set(), clear() makes later waiters block again, wait with a timeout
import asyncio


async def waiter(event, name):
    print(f"{name} waiting")
    result = await event.wait()
    print(f"{name} released ({result}) at {asyncio.get_running_loop().time()}")


async def main():
    ready = asyncio.Event()
    print("is_set:", ready.is_set())
    tasks = [asyncio.create_task(waiter(ready, f"w{i}")) for i in range(3)]
    await asyncio.sleep(1)
    ready.set()
    print("set, is_set:", ready.is_set())
    await asyncio.gather(*tasks)
    await ready.wait()
    print("waiting on a set event returns at once")
    ready.clear()
    try:
        await asyncio.wait_for(ready.wait(), timeout=0.5)
    except TimeoutError:
        print("cleared event: wait timed out at", asyncio.get_running_loop().time())
    asyncio.get_running_loop().call_later(0.2, ready.set)
    await waiter(ready, "late")


asyncio.run(main())
