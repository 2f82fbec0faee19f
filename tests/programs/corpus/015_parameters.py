# Parameters and calls: defaults, keyword-only, *args, **kwargs, calls with *xs and **kw, lambdas, async defs
import asyncio


def describe(a, b=2, *args, c, d=4, **kwargs):
    return f"a={a} b={b} args={args} c={c} d={d} kwargs={kwargs}"


async def fetch(name, delay=0.1, *, retries=1, **options):
    await asyncio.sleep(delay)
    return f"{name} after {delay} s, retries={retries}, options={sorted(options.items())}"


def total(*numbers):
    return sum(numbers)


async def main():
    print(describe(1, c=3))
    print(describe(1, 5, 6, 7, c=3, d=8, e=9))
    args = [10, 20, 30]
    kw = {"c": "C", "z": "Z"}
    print(describe(*args, **kw))
    print(describe(0, *[1, 2], c=5, **{"w": 1}))
    print(total(), total(1), total(*range(5)))
    square = lambda v: v * v
    add = lambda x, y=10: x + y
    print(square(7), add(1), add(1, 2), (lambda *a: len(a))(1, 2, 3))
    print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
    results = await asyncio.gather(
        fetch("one"),
        fetch("two", 0.2, retries=3),
        fetch("three", delay=0.05, verbose=True, mode="x"),
    )
    for r in results:
        print(r)
    try:
        describe(1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        total(x=1)
    except TypeError as e:
        print("TypeError:", e)
    try:
        square(1, 2)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
