# TaskGroup failure: the first error cancels the siblings and the body, then an ExceptionGroup of every error
import asyncio


async def work(i, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"work {i} cancelled")
        raise
    if fail:
        raise ValueError(f"Task {i} failed")
    print(f">Task {i} done")
    return i


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(work(i, 1 + (i % 3), fail=(i in (2, 5)))) for i in range(6)]
            await asyncio.sleep(10)
            print("not reached: the body is cancelled too")
    except* ValueError as eg:
        print(f"caught {eg!r}")
        print(str(eg))
    print([("cancelled" if t.cancelled() else "failed" if t.exception() else "done") for t in tasks])
    print("cancelling:", asyncio.current_task().cancelling())


asyncio.run(main())
