# Import forms: import asyncio as aio, from asyncio import several names, from random / from time imports
import asyncio as aio
import random
import time
from asyncio import sleep, gather, create_task
from random import randint, choice
from time import perf_counter, monotonic


async def roll(name):
    await sleep(randint(1, 5) / 10)
    return f"{name} rolled {randint(1, 6)} and picked {choice('xyz')}"


async def main():
    start = perf_counter()
    t = create_task(roll("t"))
    results = await gather(roll("a"), roll("b"), t)
    print(results)
    print(f"took {perf_counter() - start:.3f} s, monotonic {monotonic():.3f}")
    await aio.sleep(0.1)
    print(aio.get_running_loop().time(), random.random() < 1, time.time() > 1e9)


aio.run(main())
