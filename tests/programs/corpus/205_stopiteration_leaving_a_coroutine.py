# PEP 479: a StopIteration leaving a coroutine becomes 'RuntimeError: coroutine raised StopIteration', raised from it (awaited, as a task, and escaping main)
import asyncio


async def f():
    raise StopIteration


async def g():
    return next(iter([]))


async def main():
    try:
        await f()
    except Exception as e:
        print(type(e).__name__, e, repr(e.__cause__))
    t = asyncio.create_task(f())
    await asyncio.sleep(0)
    print(t.exception())
    await g()


asyncio.run(main())
