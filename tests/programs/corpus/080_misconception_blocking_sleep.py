# Misconception: time.sleep inside a coroutine blocks the loop, so "concurrent" tasks run one after another
import asyncio
import time


async def blocking(i):
    print(f"blocking {i} starts at {asyncio.get_running_loop().time():.1f}")
    time.sleep(1)
    print(f"blocking {i} ends at {asyncio.get_running_loop().time():.1f}")


async def cooperative(i):
    print(f"cooperative {i} starts at {asyncio.get_running_loop().time():.1f}")
    await asyncio.sleep(1)
    print(f"cooperative {i} ends at {asyncio.get_running_loop().time():.1f}")


async def heartbeat():
    for _ in range(4):
        await asyncio.sleep(0.5)
        print(f"  heartbeat at {asyncio.get_running_loop().time():.1f}")


async def main():
    hb = asyncio.create_task(heartbeat())
    start = time.perf_counter()
    await asyncio.gather(*(blocking(i) for i in range(3)))
    print(f"blocking version took {time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    await asyncio.gather(*(cooperative(i) for i in range(3)))
    print(f"cooperative version took {time.perf_counter() - start:.1f} s")
    await hb


asyncio.run(main())
