# Gallery, misconception: gather and TaskGroup react differently when one task fails.
import asyncio


async def job(way, name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{way}: {name} cancelled")
        raise
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{way}: {name} done")


async def main():
    try:
        await asyncio.gather(
            job("gather", "a", 1.5),
            job("gather", "b", 0.5, fail=True),
            job("gather", "c", 1.0),
        )
    except ValueError as error:
        print(f"gather raised {error!r}, but a and c keep running")
    await asyncio.sleep(1.5)
    print("now the same jobs in a TaskGroup")
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job("TaskGroup", "a", 1.5))
        tg.create_task(job("TaskGroup", "b", 0.5, fail=True))
        tg.create_task(job("TaskGroup", "c", 1.0))
    print("never printed: the group's ExceptionGroup escapes main")


asyncio.run(main())
