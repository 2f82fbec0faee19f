# Object builtins: isinstance, issubclass, type().__name__, str/repr, containers, hasattr/getattr/setattr, iter/next, id, hash
import asyncio


class Sensor:
    unit = "C"

    def __init__(self, name):
        self.name = name


class Thermo(Sensor):
    pass


async def main():
    s = Thermo("t1")
    print(isinstance(s, Sensor), isinstance(3, int), isinstance(True, int), isinstance(3.0, (int, str)))
    print(issubclass(Thermo, Sensor), issubclass(bool, int), issubclass(KeyError, LookupError))
    print(type(3).__name__, type("s").__name__, type([]).__name__, type(None).__name__, type(s).__name__)
    print(type(1.5).__name__, type({}).__name__, type(()).__name__, type(set()).__name__, type(range(2)).__name__)
    print(type(main).__name__, type(lambda: 0).__name__, type(print).__name__)
    print(str(None), repr("a'b"), repr('a"b'), str([1, "x"]), repr({"k": (1,)}), repr(set()), repr(range(1, 5)))
    print(list("abc"), tuple([1, 2]), dict([("a", 1), ("b", 2)]), dict(x=1, y=2), set([3, 1, 3]), list({"k": 1}))
    print(list(), tuple(), dict(), str(), int(), float(), bool())
    print(hasattr(s, "name"), hasattr(s, "missing"), getattr(s, "unit"), getattr(s, "missing", "default"))
    setattr(s, "reading", 21.5)
    print(s.reading, getattr(s, "reading"))  # lint: ok
    it = iter([10, 20])
    print(next(it), next(it), next(it, "exhausted"))
    chars = iter("ab")
    print(next(chars), list(chars))
    a = [1]
    b = a
    print(id(a) == id(b), id(a) == id([1]), a is b)
    print(hash(1), hash(-1), hash(0), hash(2 ** 61), hash(2 ** 61 - 1), hash(True), hash((1, 2)), hash(()))
    print(hash("x") == hash("x"), hash((1, "a")) == hash((1, "a")), hash((1, (2, 3))))
    await asyncio.sleep(0)
    try:
        next(iter([]))
    except StopIteration as e:
        print("StopIteration", repr(e))
    try:
        hash([1])
    except TypeError as e:
        print("TypeError:", e)
    try:
        getattr(s, "nothing")
    except AttributeError as e:
        print("AttributeError:", e)


asyncio.run(main())
