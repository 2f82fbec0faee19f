# asyncio's functions and methods that take no arguments (or at most one) reject extra ones with CPython's message: a Python method counts self ('Queue.qsize() takes 1 positional argument but 2 were given'), a C one does not ('Task.get_name() takes no arguments (1 given)')
import asyncio


async def job():
    return 1


async def main():
    calls = [
        lambda: asyncio.current_task(None, 2),
        lambda: asyncio.all_tasks(None, 2),
        lambda: asyncio.get_running_loop(1),
        lambda: asyncio.get_event_loop(1),
        lambda: asyncio.iscoroutine(),
        lambda: asyncio.iscoroutine(1, 2),
        lambda: asyncio.isfuture(),
        lambda: asyncio.ensure_future(),
        lambda: asyncio.shield(),
        lambda: asyncio.timeout(),
        lambda: asyncio.timeout(1, 2),
        lambda: asyncio.timeout_at(),
        lambda: asyncio.as_completed(),
        lambda: asyncio.Lock(1),
        lambda: asyncio.Event(1),
        lambda: asyncio.Queue(1, 2),
        lambda: asyncio.Semaphore(1, 2),
        lambda: asyncio.Condition(None, 2),
        lambda: asyncio.TaskGroup(1),
        lambda: asyncio.get_running_loop().is_running(1),
        lambda: asyncio.get_running_loop().create_future(1),
        lambda: asyncio.current_task().get_name(1),
        lambda: asyncio.current_task().cancelling(1),
        lambda: asyncio.current_task().done(1),
        lambda: asyncio.Queue().qsize(1),
        lambda: asyncio.Queue().empty(1),
        lambda: asyncio.Lock().locked(1),
        lambda: asyncio.Event().is_set(1),
        lambda: asyncio.Event().set(1),
        lambda: asyncio.Event().clear(1),
        lambda: asyncio.Semaphore().locked(1),
        lambda: asyncio.Queue().task_done(1),
        lambda: asyncio.Queue().get_nowait(1),
    ]
    for i, c in enumerate(calls):
        try:
            r = c()
            print(i, "ok", type(r).__name__)
            if asyncio.iscoroutine(r):
                r.close()
        except (TypeError, ValueError, RuntimeError) as e:
            print(i, type(e).__name__, e)


asyncio.run(main())
