# Calling asyncio's functions wrongly raises CPython's TypeError at the call: return_when passed by position to wait, a task name by position, a missing delay or timeout, a list of tasks passed whole to gather, a task called
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
    ]
    for check in checks:
        try:
            check()
            print("accepted")
        except TypeError as e:
            print("TypeError:", e)
    async with asyncio.timeout(delay=0.5):
        print("timeout(delay=0.5) is fine:", await t)


asyncio.run(main())
