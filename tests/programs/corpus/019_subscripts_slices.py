# Subscripts and slices: negative indices, steps, reversing, slices of strings, tuples and ranges
import asyncio


async def main():
    xs = list(range(10))
    print(xs[0], xs[-1], xs[-3])
    print(xs[2:5], xs[:3], xs[7:], xs[:], xs[::2], xs[1::3], xs[1:-1:2])
    print(xs[::-1], xs[8:2:-2], xs[-2:], xs[:-7], xs[100:], xs[-100:2])
    s = "asyncio playground"
    print(s[0], s[-1], s[:7], s[8:], s[::-1], s[::3])
    t = (1, 2, 3, 4)
    print(t[1:3], t[-1], t[::-1])
    r = range(0, 20, 3)
    print(r[2], r[-1], list(r[1:4]), len(r))
    grid = [[1, 2], [3, 4]]
    print(grid[1][0], grid[-1][-1])
    d = {"a": {"b": {"c": 42}}}
    print(d["a"]["b"]["c"])
    await asyncio.sleep(0)
    ys = xs[:]
    ys[::2] = ["e"] * 5
    print(ys)
    print("python"[1:4].upper(), [c for c in "slice"[::2]])


asyncio.run(main())
