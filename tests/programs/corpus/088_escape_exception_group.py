# An ExceptionGroup escapes: a TaskGroup with two failures and a nested group, printed as a tree
import asyncio


class QuotaError(Exception):
    pass


async def fail_after(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail_after(0.1, QuotaError("quota exceeded for user 7")))
        tg.create_task(fail_after(0.1, KeyError("session")))


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail_after(0.1, ValueError("bad input")))
        tg.create_task(inner_group())
        tg.create_task(fail_after(0.1, TypeError("wrong type")))
        tg.create_task(fail_after(1, RuntimeError("never raised")))


asyncio.run(main())
