# Awaiting a coroutine that a task is running raises 'coroutine is being awaited already'
import asyncio

async def job():
    await asyncio.sleep(0.1)

async def main():
    c = job()
    t = asyncio.create_task(c)
    await asyncio.sleep(0)
    await c

asyncio.run(main())
