# Gallery, one API at a time: when a task of a TaskGroup fails, the others are cancelled.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def job(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled")
        raise
    if fail:
        raise ValueError(f"{name} failed")
    print(f"{now()} {name} done")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("fast", 0.5))
            tg.create_task(job("broken", 1.0, fail=True))
            tg.create_task(job("slow", 3.0))
            tg.create_task(job("slower", 2.0))
    except* ValueError as group:
        for error in group.exceptions:
            print(f"{now()} the group raised: {error!r}")


asyncio.run(main())
