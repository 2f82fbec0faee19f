# Numeric builtins: abs, round (banker's rounding, ndigits), divmod, pow, int/float/bool conversions, chr/ord, format
import asyncio


async def main():
    print(abs(-3), abs(2.5), abs(-0.0), abs(0))
    print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(3.14159, 3))
    print(round(1234, -2), round(1250, -2), round(1350, -2), round(7.0), round(-0.4), type(round(2.5)).__name__)
    print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2))
    print(pow(2, 10), pow(2, -2), pow(3, 4, 5), pow(2.0, 3), 2 ** 0.5)
    print(int("42"), int(" 7 "), int(3.99), int(-3.99), int(True), int("-15"), int("1_000"))
    print(float("2.5"), float(3), float("-1e3"), float(" 1.5 "), float("inf"), float("-nan"))
    print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0))
    print(chr(65), chr(97), chr(8364), ord("A"), ord("z"), ord("\n"), ord("\u00e9"))
    print(format(3.14159, ".2f"), format(42, "08b"), format(1234.5, ","), format("hi", ">5"), format(0.5, "%"))
    print(str(12), str(1.0), str(-0.0), repr(1e-10), str(10 ** 15 * 1.0), str(1e22), 3 / 2)
    await asyncio.sleep(0)
    print(7 // 2, -7 // 2, 7 % 3, -7 % 3, 2 ** 10, 10 ** 18)
    for text in ["x3", "3.5", ""]:
        try:
            int(text)
        except ValueError as e:
            print("ValueError:", e)
    try:
        float("abc")
    except ValueError as e:
        print("ValueError:", e)
    try:
        chr(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
