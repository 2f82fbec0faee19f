# SyntaxWarnings, printed as CPython prints them before the program runs: invalid escape sequences (the first of each string), "is" with a literal, an assertion on a tuple, a literal called or subscripted ("perhaps you missed a comma?")
import asyncio

x = 3
pattern = "\d+ items, \777 and \q"
path = r"C:\data"


async def work(n):
    """Work \w."""
    if n is 0:
        return [i for i in range(3) if i is not 1]
    return (lambda v: v is "a")(n)


class C:
    flag = x is ()

    def m(self):
        assert (self, 1)
        return f"{self}\s"


def missed_commas(x):
    pairs = [(1, 2) (3, 4)] if x else None
    first = None[0] if x else [1, 2]["0"] if x is None else "abc"[1.5]
    return pairs, first, 5() if x else 0


async def main():
    print(await work(0), await work(2), C().m()[-2:], C.flag)
    y = 1
    print(y is -1, y is (1, (2, None)), y is (y, 1), y is None)
    print(pattern, path, "a\qb\q" "c\w")


if x is 3.0:
    pass
asyncio.run(main())
