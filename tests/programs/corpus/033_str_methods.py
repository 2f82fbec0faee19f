# str methods: format, join, split/rsplit, strip family, case, startswith/endswith, replace, find, count, padding, splitlines, isdigit
import asyncio


async def main():
    s = "  Hello, Async World!  "
    print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
    t = s.strip()
    print(t.upper(), t.lower(), "the quick fox".title(), "o'neil's test".title())
    print(t.startswith("Hello"), t.endswith("!"), t.startswith(("Hi", "He")), t.endswith("World", 0, -1))
    print(t.replace("World", "Loop"), "aaaa".replace("a", "b", 2), t.find("Async"), t.find("nope"), t.find("o", 5))
    print(t.count("l"), "banana".count("an"), "".count("x"), "aaa".count(""))
    print("a,b,,c".split(","), "  many   spaces here ".split(), "k=v=w".split("=", 1), "a b c".rsplit(" ", 1))
    print("one\ntwo\r\nthree".splitlines(), "x\n\ny\n".splitlines(), "".split(","))
    print("-".join(["a", "b", "c"]), ", ".join(str(n) for n in range(4)), "".join([]))
    print("[" + "mid".center(9) + "]", "[" + "mid".center(8, "*") + "]", "[" + "l".ljust(4) + "]", "[" + "r".rjust(4, ".") + "]")
    print("42".zfill(5), "-42".zfill(5), "abc".zfill(2), "7".rjust(3, "0"))
    print("12345".isdigit(), "12a".isdigit(), "".isdigit(), "3.5".isdigit())
    print("{} + {} = {}".format(1, 2, 3), "{:>6}|{:<6}|{:^6}".format("r", "l", "c"), "{0}{0}".format("ab"))
    csv = "name,age\nada,36\ngrace,85"
    rows = [line.split(",") for line in csv.splitlines()[1:]]
    await asyncio.sleep(0)
    print({name: int(age) for name, age in rows})
    print("a-b-c".rsplit("-"), "a-b-c".rsplit("-", 1), "  x ".split(" "))
    print("Hello"[::-1].lower().replace("l", "L").center(11, "~"))


asyncio.run(main())
