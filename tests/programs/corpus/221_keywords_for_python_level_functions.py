# Python-level functions called with keywords: random's methods and asyncio's functions bind their
# parameters by position or by keyword, with CPython's messages when a call does not fit.
import asyncio
import random

random.seed(3)
print(random.randint(a=1, b=6), random.uniform(a=0, b=1), random.choice(seq=[1, 2, 3]))
xs = [1, 2, 3, 4]
random.shuffle(x=xs)
print(xs)
for call in [
    lambda: random.randint(1),
    lambda: random.randint(),
    lambda: random.randint(1, 2, 3),
    lambda: random.randint(1, a=2),
    lambda: random.randint(b=2),
    lambda: random.randint(1, c=2),
    lambda: random.choice([1], 2),
    lambda: random.uniform(1),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
async def job(n):
    await asyncio.sleep(0.01 * n)
    return n


async def main():
    t = asyncio.create_task(coro=job(1), name="first")
    f = asyncio.ensure_future(coro_or_future=job(2))
    s = asyncio.shield(arg=job(3))
    done, pending = await asyncio.wait(fs=[t, f, s], timeout=1)
    print(sorted(x.result() for x in done), t.get_name())
    for c in asyncio.as_completed(fs=[job(1)]):
        print(await c)
    for call in [
        lambda: asyncio.create_task(),
        lambda: asyncio.create_task(job(1), coroo=1),
        lambda: asyncio.wait(),
        lambda: asyncio.shield(1, 2),
    ]:
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)


asyncio.run(main())
