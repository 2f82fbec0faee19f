# gather with a repeated coroutine and a repeated task, more than 64 arguments: arg_to_fut makes
# one child of each, and the result repeats in argument order.
import asyncio

async def work(i):
    await asyncio.sleep(0)
    return i

async def main():
    c = work(7)
    t = asyncio.ensure_future(work(8))
    results = await asyncio.gather(*([c] * 70 + [t] * 70 + [work(i) for i in range(3)]))
    print(len(results), results[:3], results[68:73], results[-4:])

asyncio.run(main())
