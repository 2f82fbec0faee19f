# f-strings: nested expressions, !r and !s, format specs (width, fill, align, sign, precision, types), nested specs
import asyncio


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"


async def main():
    name = "Ada"
    n = 42
    pi = 3.14159265
    p = Point(1, "two")
    items = [3, 1, 2]
    await asyncio.sleep(0.01)
    print(f"Hello, {name}! You are {n} years old.")
    print(f"{name!r} {name!s} {p} {p!r} {p!s}")
    print(f"[{n:5}] [{n:<5}] [{n:^5}] [{n:>5}] [{n:05}] [{n:+}] [{-n:+}]")
    print(f"[{name:*^9}] [{name:>6}] [{name:<6}] [{name:.2}]")
    print(f"{pi:.2f} {pi:8.3f} {pi:e} {pi:.3e} {pi:g} {pi:%} {0.25:.1%}")
    print(f"{1234567:,} {1234567.891:,.2f} {1234567:_}")
    print(f"{255:x} {255:X} {255:o} {255:b} {255:#x} {255:#b} {5:08b}")
    width, prec = 10, 3
    print(f"[{pi:{width}.{prec}f}] [{name:{'>'}{width}}]")
    print(f"{sum(items)} {sorted(items)} {items[0] * 10} {len(name) > 2}")
    print(f"{'yes' if n > 40 else 'no'} {max(items, key=lambda v: -v)}")
    print(f"{ {'a': 1}['a'] } {n // 5} {n % 5} {2 ** 10}")
    print(f"{{literal braces}} {n}")
    print(f"{3.0} {1e20} {1e-5} {100.0:.0f} {2.5:.0f} {3.5:.0f}")
    print(f"{True} {None} {[1, 'a']} {(1,)}")
    print(f"{format(n, '>4')}|{format(pi, '.1f')}|{format('x', '^3')}|")
    elapsed = asyncio.get_running_loop().time()
    print(f"elapsed {elapsed:.3f} s")


asyncio.run(main())
