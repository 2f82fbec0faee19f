# wait_for: result in time, TimeoutError (the inner task is cancelled), timeout=None, wait_for on a task and a future
import asyncio


async def slow_answer(delay, value):
    try:
        await asyncio.sleep(delay)
        return value
    except asyncio.CancelledError:
        print(f"slow_answer({delay}) was cancelled")
        raise


async def main():
    print(await asyncio.wait_for(slow_answer(0.1, "quick"), timeout=1))
    try:
        await asyncio.wait_for(slow_answer(2, "late"), timeout=0.5)
    except TimeoutError as e:
        print("TimeoutError", repr(e), type(e) is asyncio.TimeoutError, asyncio.get_running_loop().time())
    print(await asyncio.wait_for(slow_answer(0.3, "no limit"), None))
    task = asyncio.create_task(slow_answer(5, "task"))
    try:
        await asyncio.wait_for(task, 0.2)
    except asyncio.TimeoutError:
        print("task cancelled:", task.cancelled())
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.1, fut.set_result, "future value")
    print(await asyncio.wait_for(fut, 1))
    try:
        await asyncio.wait_for(slow_answer(1, "zero"), 0)
    except TimeoutError:
        print("timeout 0 fails at once", asyncio.get_running_loop().time())
    print("tasks created:", asyncio.current_task().get_name(), task.get_name())


asyncio.run(main())
