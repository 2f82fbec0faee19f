# Gallery, misconception: `await` in a for loop runs the coroutines one after another.
import asyncio
import time


async def fetch(url, seconds):
    await asyncio.sleep(seconds)
    return f"{url}: 200 OK"


async def main():
    pages = {"/home": 0.6, "/about": 0.4, "/blog": 1.0}

    start = time.perf_counter()
    results = []
    for url, seconds in pages.items():
        results.append(await fetch(url, seconds))  # the next fetch waits for this one
    print(f"await in a loop: {results}")
    print(f"took {time.perf_counter() - start:.1f} s, the sum of the waits")

    start = time.perf_counter()
    results = await asyncio.gather(*(fetch(url, s) for url, s in pages.items()))
    print(f"gather: {results}")
    print(f"took {time.perf_counter() - start:.1f} s, the longest wait")


asyncio.run(main())
