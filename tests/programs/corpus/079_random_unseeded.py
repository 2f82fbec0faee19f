# random without a seed: the playground (and the harness) call random.seed(0) first, so runs repeat exactly
import asyncio
import random


async def flaky(i):
    delay = random.uniform(0.1, 1.0)
    await asyncio.sleep(delay)
    if random.random() < 0.3:
        raise RuntimeError(f"request {i} failed after {delay:.3f} s")
    return f"request {i} ok after {delay:.3f} s"


async def main():
    results = await asyncio.gather(*(flaky(i) for i in range(8)), return_exceptions=True)
    for r in results:
        print(r)
    print(random.randint(1, 1000), random.choice(["heads", "tails"]))


asyncio.run(main())
