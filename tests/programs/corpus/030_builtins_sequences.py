# Builtins on sequences: len, range, enumerate, zip, sorted (key, reverse), reversed, sum, min, max, any, all, map, filter
import asyncio


async def main():
    words = ["pear", "fig", "banana", "kiwi", "apple"]
    nums = [5, -3, 8, 0, 12, -7]
    print(len(words), len("text"), len({"a": 1}), len(range(3, 30, 4)))
    print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
    print(list(enumerate(words[:3])), list(enumerate("ab", start=1)))
    print(list(zip(words, nums)), list(zip("abc", range(10), [True, False, True])))
    print(sorted(nums), sorted(nums, reverse=True), sorted(words, key=len), sorted(words, key=lambda w: w[-1]))
    print(sorted(words, key=len, reverse=True), sorted("hello"), sorted({3: 0, 1: 0, 2: 0}))
    print(list(reversed(nums)), "".join(reversed("stressed")), list(reversed(range(4))))
    print(sum(nums), sum([0.1] * 10), sum([], 10), sum(range(101)))
    print(min(nums), max(nums), min(words), max(words, key=len), min(nums, key=abs), max(3, 9, 2))
    print(max([], default="empty"), min((), default=None), max("abc"), min(4, 2, key=lambda v: -v))
    print(any([]), all([]), any(n > 10 for n in nums), all(n > -10 for n in nums), any([0, "", None]))
    print(list(map(abs, nums)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])), list(map(str, range(3))))
    print(list(filter(lambda n: n > 0, nums)), list(filter(None, [0, 1, "", "x", None, []])))
    await asyncio.sleep(0)
    try:
        min([])
    except ValueError as e:
        print("ValueError:", e)
    try:
        sorted([1, "a"])
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
