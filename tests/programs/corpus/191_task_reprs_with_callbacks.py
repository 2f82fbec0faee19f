# Reprs of pending tasks and futures list their done-callbacks as CPython does (asyncio.run's _run_until_complete_cb, TaskGroup._on_task_done, gather's _done_callback, the program's own, "<n more>"), and a running task shows the line its own frame is at
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n


def show(*parts):
    """Prints without the program's path (the page names the program main.py)."""
    print(*(str(p).replace(__file__, "main.py") for p in parts))


def on_done(t):
    print("done:", t.get_name())


async def peek(t):
    show("peek:", t)
    await asyncio.sleep(0)
    show("peek again:", t)


async def main():
    me = asyncio.current_task()
    show(me)
    await peek(
        me)
    show(f"{me}")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(work(1))
        show(t)
        await asyncio.sleep(0)
        show(t)
    u = asyncio.create_task(work(1))
    u.add_done_callback(on_done)
    show(u)
    g = asyncio.gather(u, work(2))
    show(u)
    u.add_done_callback(id)
    show(u)
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(on_done)
    fut.add_done_callback(on_done)
    show(fut)
    fut.remove_done_callback(on_done)
    show(fut)
    fut.set_result(1)
    show(fut)
    await g
    show(u)


asyncio.run(main())
