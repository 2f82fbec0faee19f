# iscoroutine, isfuture and ensure_future: coroutines become tasks, futures and tasks are returned as they are
import asyncio


async def compute(x):
    await asyncio.sleep(0.1)
    return x * 2


def plain(x):
    return x


async def main():
    coro = compute(5)
    print(asyncio.iscoroutine(coro), asyncio.iscoroutine(plain), asyncio.iscoroutine(compute), asyncio.iscoroutine(7))
    task = asyncio.ensure_future(coro)
    print(asyncio.isfuture(task), asyncio.iscoroutine(task), isinstance(task, asyncio.Task), task.get_name())
    fut = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(fut) is fut, asyncio.ensure_future(task) is task, asyncio.isfuture(fut), asyncio.isfuture(coro))
    fut.set_result("ready")
    print(await task, await fut)
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("TypeError:", e)
    t2 = asyncio.ensure_future(compute(21))
    print(await t2, isinstance(t2, asyncio.Future))


asyncio.run(main())
