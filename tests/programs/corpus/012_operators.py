# Operators: arithmetic incl. negative // and %, **, unary, chained comparisons, in/is, and/or values, conditional
import asyncio


async def main():
    a, b = 17, 5
    print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
    print(-a // b, -a % b, a // -b, a % -b, -7 / 2)
    print(7.5 // 2, 7.5 % 2, -7.5 // 2, 2 ** -1, 2 ** 0.5, (-8) ** 2)
    print(-a, +a, not a, not 0, -(-a))
    x = 3
    print(0 < x <= 5, 1 < x < 3, x == 3 != 4, 1 < 2 < 3 < 4 > 2)
    print(2 in [1, 2, 3], 5 not in (1, 2), "ell" in "hello", "k" in {"k": 1})
    none = None
    print(none is None, x is not None, [] == [], True is True)
    print(0 or "default", "" or None, 3 and 4, 0 and 1 / 0, [] or [1])
    print(None or 0 or "last", 1 and "" and 1 / 0)
    calls = []

    def check(v):
        calls.append(v)
        return v

    result = check(0) and check(1)
    result2 = check(2) or check(3)
    print(result, result2, calls)
    print("big" if a > 10 else "small", "neg" if -a > 0 else "pos")
    print(True + True, True * 3, 10 - True)
    print("ab" * 3, [0] * 4, [1, 2] + [3], (1,) + (2, 3), "con" + "cat")
    print(10 / 4, 10 // 4, 2 ** 62, 2 ** 62 - 1 + 2 ** 62, -2 ** 62 - 2 ** 62)
    print(3 * 1.5, 1 + 2.0, 7 // 2.0, abs(-2 ** 3))
    await asyncio.sleep(0)
    print(1 == 1.0, 0.1 + 0.2 == 0.3, round(0.1 + 0.2, 10) == 0.3)
    print([1, 2] < [1, 3], (1, "b") > (1, "a"), "apple" < "banana", "Z" < "a")


asyncio.run(main())
