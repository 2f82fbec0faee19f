# Gallery, one API at a time: shield lets you stop waiting without cancelling the task.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def save(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{now()} saving the {name} was cancelled!")
        raise
    print(f"{now()} the {name} is saved")


async def main():
    draft = asyncio.create_task(save("draft", 1.5))
    try:
        await asyncio.wait_for(draft, timeout=0.5)
    except TimeoutError:
        print(f"{now()} without shield, the timeout cancelled the draft too")
    report = asyncio.create_task(save("report", 2.0))
    try:
        await asyncio.wait_for(asyncio.shield(report), timeout=0.5)
    except TimeoutError:
        print(f"{now()} with shield, main stops waiting but the report goes on")
    await report  # main can still wait for the report itself


asyncio.run(main())
