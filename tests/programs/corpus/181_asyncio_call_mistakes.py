# Calling asyncio's functions wrongly raises CPython's TypeError at the call: return_when passed by position to wait, a task name by position, a missing delay or timeout, a list of tasks passed whole to gather, a task called, a loop= argument from old tutorials; a callback that is not callable is logged
import asyncio


async def job():
    await asyncio.sleep(0.1)
    return 1


async def main():
    t = asyncio.create_task(job())
    checks = [
        lambda: asyncio.wait([t], "FIRST_COMPLETED"),
        lambda: asyncio.create_task(job(), "named"),
        lambda: asyncio.as_completed([t], 5),
        lambda: asyncio.wait_for(),
        lambda: asyncio.wait_for(job()),
        lambda: asyncio.timeout(),
        lambda: asyncio.timeout(1, 2),
        lambda: asyncio.shield(),
        lambda: asyncio.sleep(),
        lambda: asyncio.sleep(1, 2, 3),
        lambda: asyncio.gather([t]),
        lambda: t(),
        lambda: asyncio.Lock(loop=None),
        lambda: asyncio.Semaphore(1, 2),
        lambda: asyncio.Queue(1, 2),
        lambda: asyncio.LifoQueue(maxsize=1, loop=None),
        lambda: asyncio.Condition(loop=None),
        lambda: asyncio.Event(1),
    ]
    for check in checks:
        try:
            check()
            print("accepted")
        except TypeError as e:
            print("TypeError:", e)
    asyncio.get_running_loop().call_soon(5)
    async with asyncio.timeout(delay=0.5):
        print("timeout(delay=0.5) is fine:", await t)


asyncio.run(main())
