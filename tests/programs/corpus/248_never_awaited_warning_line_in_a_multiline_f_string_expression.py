# A coroutine dropped unawaited in an expression that spans lines, with an f-string after it (of
# a string, left as it is, or of a number, formatted): the "never awaited" warning names the line
# CPython names (where the tuple or list is built; the dict's at its `del`), not the f-string's.
import asyncio


async def foo():
    pass


async def main():
    s, n = "a", 1
    (foo(),
     f"{s}")
    (foo(),
     f"{n}")
    [foo(), 1,
     f"{s}"][1]
    x = {foo(): 1,
         f"{s}": 2}
    del x
    print("end")


asyncio.run(main())
