# list methods: append, extend, insert, pop, remove, index, count, sort (key, reverse), reverse, copy, clear
import asyncio


async def main():
    xs = [3, 1, 4]
    xs.append(1)
    xs.extend([5, 9])
    xs.extend("ab")
    xs.insert(0, 2)
    xs.insert(-1, "mid")
    xs.insert(100, "end")
    print(xs)
    print(xs.pop(), xs.pop(0), xs.pop(-2), xs)
    xs.remove(1)
    print(xs, xs.index(4), xs.count(1), xs.count("zz"))
    nums = [5, 2, 8, 1, 9, 3]
    nums.sort()
    print(nums)
    nums.sort(reverse=True)
    print(nums)
    words = ["Banana", "apple", "cherry", "fig"]
    words.sort(key=lambda w: w.lower())
    print(words)
    words.sort(key=len, reverse=True)
    print(words)
    words.reverse()
    print(words)
    pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
    pairs.sort()
    print(pairs)
    stable = [("x", 2), ("y", 1), ("z", 2), ("w", 1)]
    stable.sort(key=lambda p: p[1])
    print(stable)
    c = nums.copy()
    c.append(100)
    print(nums, c, c is nums)
    c.clear()
    print(c, len(c))
    await asyncio.sleep(0)
    for bad in [lambda: [].pop(), lambda: [1].remove(2), lambda: [1].index(7)]:
        try:
            bad()
        except (IndexError, ValueError) as e:
            print(type(e).__name__ + ":", e)
    stack = []
    for n in range(4):
        stack.append(n)
    while stack:
        print("popped", stack.pop())


asyncio.run(main())
