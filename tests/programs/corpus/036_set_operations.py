# Sets of ints: add, discard, remove, pop, union, | & -, membership, CPython's iteration order for small ints
import asyncio


async def main():
    done = set()
    for i in [5, 3, 9, 3, 1]:
        await asyncio.sleep(0)
        done.add(i)
    print(done, len(done), 3 in done, 4 in done)
    done.discard(9)
    done.discard(100)
    done.remove(5)
    print(done)
    try:
        done.remove(42)
    except KeyError as e:
        print("KeyError:", e)
    a = {1, 2, 3, 4}
    b = {3, 4, 5, 6}
    print(a | b, a & b, a - b, b - a, a.union(b), a.union([7, 8], {9}))
    print(sorted(a | b, reverse=True), {n * n for n in range(-3, 4)})
    big = {100, 7, 33, 64, 2}
    print(big, sorted(big))
    p = {10, 20, 30}
    first = p.pop()
    print(first, p)
    print(set(), set("aa") == {"a"}, {1, 2} == {2, 1})
    empty = set()
    try:
        empty.pop()
    except KeyError as e:
        print("KeyError:", repr(e))


asyncio.run(main())
