# time.time, perf_counter and monotonic read the clock; time.sleep blocks the whole loop and moves the clock on
import asyncio
import time


async def ticker():
    for i in range(3):
        await asyncio.sleep(0.1)
        print(f"tick {i} at loop time {asyncio.get_running_loop().time():.3f}")


async def main():
    t0, p0, m0 = time.time(), time.perf_counter(), time.monotonic()
    print(f"time.time() starts at {t0:.1f}")
    task = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    time.sleep(0.35)
    print(f"blocked 0.35 s: perf_counter +{time.perf_counter() - p0:.3f}")
    await task
    print(f"monotonic +{time.monotonic() - m0:.3f}, time +{time.time() - t0:.3f}")
    try:
        time.sleep(-1)
    except ValueError as e:
        print("ValueError:", e)
    time.sleep(0)
    time.sleep(1)
    print(f"after time.sleep(1): {asyncio.get_running_loop().time():.3f}")


start = time.perf_counter()
time.sleep(0.5)
print(f"module level sleep: {time.perf_counter() - start:.3f}")
asyncio.run(main())
print(f"total: {time.perf_counter() - start:.3f}")
