# A task's repr at each stage: just created, waiting on a sleep, on another task, on a gather, cancelling, done
import asyncio


async def nap(seconds):
    await asyncio.sleep(seconds)
    return seconds


async def waiter(other):
    return await other


async def gatherer():
    return await asyncio.gather(nap(0.3), nap(0.1))


async def main():
    sleeper = asyncio.create_task(nap(1), name="sleeper")
    print(sleeper)
    await asyncio.sleep(0)
    print(sleeper)
    w = asyncio.create_task(waiter(sleeper), name="waiter")
    g = asyncio.create_task(gatherer(), name="gatherer")
    await asyncio.sleep(0.01)
    print(w)
    print(g)
    sleeper.cancel()
    print(sleeper)
    await asyncio.sleep(0.5)
    print(sleeper, w, g, sep="\n")


asyncio.run(main())
