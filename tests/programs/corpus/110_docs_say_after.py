# The classic first example, written anew: say_after awaited in turn (3 s), then as two tasks (2 s)
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    print(f"started at {time.monotonic():.1f}")
    await say_after(1, "hello")
    await say_after(2, "world")
    print(f"finished at {time.monotonic():.1f}")
    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    print(f"started at {time.monotonic():.1f}")
    await task1
    await task2
    print(f"finished at {time.monotonic():.1f}")


asyncio.run(main())
