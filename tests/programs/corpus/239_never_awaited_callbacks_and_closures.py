# A coroutine function given to call_soon/call_later (its coroutine is dropped in Handle._run,
# so it warns at asyncio/events.py:89, once), and a coroutine a closure holds, freed when the
# closure is (at that line).
import asyncio


async def tick():
    print("tick")


async def job():
    return 1


def make():
    c = job()
    return lambda: c


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(tick)
    loop.call_later(0.1, tick)
    await asyncio.sleep(0.2)
    g = make()
    g()
    print("still held")
    g = None
    print("dropped")


asyncio.run(main())
