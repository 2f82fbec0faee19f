# A task iterating as_completed(timeout=...) is cancelled: the iterator it leaves keeps the task it
# made for a coroutine, and when that task fails nothing retrieves its exception. Freed with the
# iterator, it logs "Task exception was never retrieved".
import asyncio


async def quick():
    return "quick"


async def slow_fail():
    await asyncio.sleep(0.2)
    raise ValueError("nobody waits for me")


async def consumer():
    for aw in asyncio.as_completed([quick(), slow_fail()], timeout=1):
        print("got", await aw)


async def main():
    t = asyncio.create_task(consumer())
    await asyncio.sleep(0.1)
    t.cancel()
    await asyncio.sleep(0.5)
    print("end")


asyncio.run(main())
