# isinstance stops at the first class that matches, so a non-class later in the tuple is never reached; %-formatting with a list or a dict has nothing left over, as CPython treats them as mappings
import asyncio


async def main():
    checks = [(1, (int, 2)), (1, (str, (bool, int))), (1, (str, 2)), ("a", [str])]
    for value, classes in checks:
        try:
            print(repr(value), classes, isinstance(value, classes))
        except TypeError as e:
            print(repr(value), classes, "TypeError:", e)
    print(repr("ab" % [1, 2]), repr("x" % {"k": 1}), repr("%s!" % [1]))
    try:
        print("ab" % 5)
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(0)


asyncio.run(main())
