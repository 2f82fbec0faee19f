# The gather of 100,000 coroutines that each await asyncio.sleep(0) and return their index.
import asyncio


async def work(i):
    await asyncio.sleep(0)
    return i


async def main():
    results = await asyncio.gather(*[work(i) for i in range(100_000)])
    print(len(results), sum(results))


asyncio.run(main())
