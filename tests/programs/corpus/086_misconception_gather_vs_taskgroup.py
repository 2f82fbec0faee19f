# gather vs TaskGroup when one task fails: gather leaves the others running, TaskGroup cancels them
import asyncio


async def work(tag, i, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"{tag}: task {i} cancelled")
        raise
    if fail:
        raise ValueError(f"{tag}: task {i} failed")
    print(f"{tag}: task {i} done")


async def main():
    try:
        await asyncio.gather(work("gather", 0, 1), work("gather", 1, 0.5, True), work("gather", 2, 2))
    except ValueError as e:
        print("gather raised:", e)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(work("tg", 0, 1))
            tg.create_task(work("tg", 1, 0.5, True))
            tg.create_task(work("tg", 2, 2))
    except* ValueError as eg:
        print("TaskGroup raised:", repr(eg))
    await asyncio.sleep(2)
    print("Done.")


asyncio.run(main())
