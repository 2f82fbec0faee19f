# Gallery, one API at a time: as_completed hands you each result as soon as it is ready.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def fetch(site, seconds):
    await asyncio.sleep(seconds)
    return f"{site} answered after {seconds} s"


async def main():
    coros = [fetch("alpha", 2.0), fetch("beta", 0.5), fetch("gamma", 1.2)]
    for next_done in asyncio.as_completed(coros):
        answer = await next_done  # the fastest one not yet handed out
        print(f"{now()} {answer}")
    print(f"{now()} all three answered")


asyncio.run(main())
