# Gallery, one API at a time: a Semaphore(2) lets two tasks in at a time; the rest wait.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def cook(stoves, dish, seconds):
    print(f"{now()} {dish} waits for a stove")
    async with stoves:  # takes one of the two stoves, or waits for one
        print(f"{now()} {dish} on the stove for {seconds} s")
        await asyncio.sleep(seconds)
    print(f"{now()} {dish} ready")


async def main():
    stoves = asyncio.Semaphore(2)
    dishes = {"soup": 1.5, "rice": 0.5, "eggs": 0.3, "stew": 2.0, "tea": 0.2}
    await asyncio.gather(*(cook(stoves, dish, s) for dish, s in dishes.items()))
    print(f"{now()} dinner is served")


asyncio.run(main())
