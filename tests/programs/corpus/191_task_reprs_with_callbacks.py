# Reprs of pending tasks and futures list their done-callbacks as CPython does (asyncio.run's _run_until_complete_cb, TaskGroup._on_task_done, gather's _done_callback, the program's own, "<n more>"), and a running task shows the line its own frame is at
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n


def on_done(t):
    print("done:", t.get_name())


async def peek(t):
    print("peek:", t)
    await asyncio.sleep(0)
    print("peek again:", t)


async def main():
    me = asyncio.current_task()
    print(me)
    await peek(
        me)
    print(f"{me}")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(work(1))
        print(t)
        await asyncio.sleep(0)
        print(t)
    u = asyncio.create_task(work(1))
    u.add_done_callback(on_done)
    print(u)
    g = asyncio.gather(u, work(2))
    print(u)
    u.add_done_callback(print)
    print(u)
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(on_done)
    fut.add_done_callback(on_done)
    print(fut)
    fut.remove_done_callback(on_done)
    print(fut)
    fut.set_result(1)
    print(fut)
    await g
    print(u)


asyncio.run(main())
