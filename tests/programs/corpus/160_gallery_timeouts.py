# Gallery, recipe: wait_for puts a timeout on each call, asyncio.timeout on a whole block.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def fetch(url, seconds):
    await asyncio.sleep(seconds)
    return f"{url} ok"


async def main():
    pages = [("/a", 0.4), ("/b", 0.6), ("/c", 0.9)]
    # each fetch gets its own 1 s: all three make it
    for url, seconds in pages:
        page = await asyncio.wait_for(fetch(url, seconds), timeout=1)
        print(f"{now()} {page}")
    # the three fetches share 1.5 s: /c runs out of time
    try:
        async with asyncio.timeout(1.5):
            for url, seconds in pages:
                page = await fetch(url, seconds)
                print(f"{now()} {page}")
    except TimeoutError:
        print(f"{now()} the block ran out of its 1.5 s: TimeoutError")


asyncio.run(main())
