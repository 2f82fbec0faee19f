# Gallery, recipe: a fast producer, a slow consumer, and a bounded Queue between them.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def baker(shelf):
    for bread in ["bagel", "bun", "loaf", "roll", "scone"]:
        await asyncio.sleep(0.3)  # baking
        if shelf.full():
            print(f"{now()} baker: the shelf is full, waiting to put the {bread}")
        await shelf.put(bread)  # waits while the shelf holds 2 already
        print(f"{now()} baker: {bread} on the shelf ({shelf.qsize()} there)")
    await shelf.put(None)  # tells the customer there is no more


async def customer(shelf):
    while (bread := await shelf.get()) is not None:
        print(f"{now()} customer: eating the {bread}")
        await asyncio.sleep(0.8)
    print(f"{now()} customer: full")


async def main():
    shelf = asyncio.Queue(maxsize=2)
    await asyncio.gather(baker(shelf), customer(shelf))


asyncio.run(main())
