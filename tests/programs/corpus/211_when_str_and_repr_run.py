# When a program's __str__ and __repr__ run: print() writes each argument as it converts it (what
# was written stays when a later one raises), and %-formatting asks for an operand's str() or
# repr() only when a conversion needs it.
import asyncio


class Temp:
    def __init__(self, c):
        self.c = c

    def __str__(self):
        if self.c < -273.15:
            raise ValueError("below absolute zero")
        return f"{self.c}°C"


class Noisy:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        print(f"(repr {self.n} called)")
        return f"Noisy({self.n})"


class User:
    def __init__(self, name):
        self.name = name

    def __str__(self):
        print("str called")
        return self.name

    def __repr__(self):
        print("repr called")
        return f"User({self.name!r})"


async def main():
    try:
        print("reading:", Temp(21.5), Temp(-300))
    except ValueError as e:
        print("error:", e)
    print("list:", [Noisy(1), Noisy(2)], "end")
    await asyncio.sleep(0.1)
    print("done", Temp(0), sep=" | ")
    u = User("ann")
    print("hello %s" % u)
    print("%r and %s" % (u, u))
    print("%d%%" % 50, "%5.1f|%-6s|" % (2.25, "ab"))
    try:
        print("%s %d" % (u, "x"))
    except TypeError as e:
        print("error:", e)


asyncio.run(main())
