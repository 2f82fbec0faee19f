# A three-stage pipeline on queues: generate -> square -> collect, with sentinel values to shut each stage down
import asyncio

DONE = None


async def generate(out, n):
    for i in range(n):
        await asyncio.sleep(0.05)
        await out.put(i)
        print(f"generated {i}")
    await out.put(DONE)


async def square(inp, out):
    while (item := await inp.get()) is not DONE:
        await asyncio.sleep(0.12)
        await out.put(item * item)
        print(f"squared {item}")
    await out.put(DONE)


async def collect(inp):
    total = []
    while True:
        item = await inp.get()
        if item is DONE:
            break
        total.append(item)
        print(f"collected {item}")
    return total


async def main():
    q1, q2 = asyncio.Queue(maxsize=2), asyncio.Queue()
    _, _, result = await asyncio.gather(generate(q1, 6), square(q1, q2), collect(q2))
    print(result, sum(result), asyncio.get_running_loop().time())


asyncio.run(main())
