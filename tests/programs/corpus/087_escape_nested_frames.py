# An exception escapes asyncio.run through three coroutines and a plain function: the traceback lists each frame
import asyncio


def parse(text):
    return int(text)


async def load(text):
    await asyncio.sleep(0.2)
    return parse(text)


async def pipeline(values):
    total = 0
    for v in values:
        total += await load(v)
        print("running total", total)
    return total


async def main():
    print(await pipeline(["1", "2", "x3", "4"]))


asyncio.run(main())
