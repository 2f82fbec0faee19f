# Gallery, misconception: time.sleep in a coroutine blocks the whole event loop.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def blocking_cook(dish, seconds):
    print(f"{now()} {dish} starts")
    time.sleep(seconds)  # freezes everything: no other task can run meanwhile
    print(f"{now()} {dish} done")


async def polite_cook(dish, seconds):
    print(f"{now()} {dish} starts")
    await asyncio.sleep(seconds)  # gives the loop back to the other tasks
    print(f"{now()} {dish} done")


async def main():
    breakfast = {"eggs": 1.0, "toast": 0.5, "tea": 1.5}
    await asyncio.gather(*(blocking_cook(dish, s) for dish, s in breakfast.items()))
    print(f"{now()} with time.sleep: one after another")
    await asyncio.gather(*(polite_cook(dish, s) for dish, s in breakfast.items()))
    print(f"{now()} with asyncio.sleep: all at once")


asyncio.run(main())
