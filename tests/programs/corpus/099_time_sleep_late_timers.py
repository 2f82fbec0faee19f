# Timers that come due during a blocking time.sleep fire late, all in one loop pass, in deadline order
import asyncio
import time


def cb(name):
    print(f"{name} fired at {asyncio.get_running_loop().time():.3f}")


async def napper(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} woke at {asyncio.get_running_loop().time():.3f}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, cb, "timer 0.3")
    loop.call_later(0.1, cb, "timer 0.1")
    loop.call_later(0.2, cb, "timer 0.2")
    naps = [asyncio.create_task(napper(f"nap {d}", d)) for d in (0.25, 0.05)]
    await asyncio.sleep(0)
    print("blocking for 1 s")
    time.sleep(1)
    print("unblocked at", loop.time())
    await asyncio.gather(*naps)
    loop.call_later(0.5, cb, "timer 1.5")
    time.sleep(0.2)
    await asyncio.sleep(0.1)
    print("after sleep(0.1) at", loop.time())
    await asyncio.sleep(0.5)


asyncio.run(main())
