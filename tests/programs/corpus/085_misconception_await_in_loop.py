# Misconception: awaiting coroutines one by one in a loop is sequential; gather runs them concurrently
import asyncio


async def fetch(i):
    await asyncio.sleep(0.5)
    return i * i


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = []
    for i in range(5):
        results.append(await fetch(i))
    print(f"one by one: {results} in {loop.time() - start:.1f} s")
    start = loop.time()
    results = await asyncio.gather(*(fetch(i) for i in range(5)))
    print(f"gather: {results} in {loop.time() - start:.1f} s")
    start = loop.time()
    tasks = [asyncio.create_task(fetch(i)) for i in range(5)]
    results = [await t for t in tasks]
    print(f"tasks first, then await each: {results} in {loop.time() - start:.1f} s")


asyncio.run(main())
