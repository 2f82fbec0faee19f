# Assignment forms: chained, tuple/list unpacking, starred, subscript and attribute targets, augmented, del
import asyncio


class Box:
    def __init__(self):
        self.value = 0
        self.items = [0, 0, 0]


async def main():
    a = b = c = 7
    print(a, b, c)
    x, y = 1, 2
    x, y = y, x
    print(x, y)
    [p, q] = "pq"
    (r, (s, t)) = (1, (2, 3))
    print(p, q, r, s, t)
    first, *rest = [10, 20, 30, 40]
    *init, last = range(5)
    head, *middle, tail = "abcdef"
    print(first, rest, init, last, head, middle, tail)
    one, *none = [1]
    print(one, none)
    box = Box()
    box.value = 5
    box.items[1] = 9
    d = {}
    d["k"] = [1, 2]
    d["k"][0] = 100
    print(box.value, box.items, d)
    n = 10
    n += 5
    n -= 3
    n *= 2
    print(n)
    n //= 5
    print(n)
    n %= 3
    print(n)
    n **= 4
    print(n)
    f = 7
    f /= 2
    print(f)
    s2 = "ab"
    s2 += "cd"
    s2 *= 2
    lst = [1]
    alias = lst
    lst += [2, 3]
    print(s2, lst, alias, alias is lst)
    box.value += 1
    box.items[2] -= 4
    d["k"][1] *= 3
    print(box.value, box.items, d)
    nums = [0, 1, 2, 3, 4, 5]
    del nums[0]
    del nums[1:3]
    del d["k"]
    print(nums, d)
    temp = 3
    del temp
    try:
        print(temp)
    except NameError as e:
        print("NameError:", e)
    for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
        print(i, k, v)
    await asyncio.sleep(0)
    nums[0:2] = ["x", "y", "z"]
    print(nums)


asyncio.run(main())
