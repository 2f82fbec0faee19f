# Seed article 000, example 2: gather two coroutines that sleep 1 s and 2 s, results in argument order
import asyncio

async def coroutine1():
    await asyncio.sleep(1)
    return 'Coroutine 1 completed'
async def coroutine2():
    await asyncio.sleep(2)
    return 'Coroutine 2 completed'

async def main():
    results = await asyncio.gather(coroutine1(), coroutine2())
    print(results)

asyncio.run(main())
