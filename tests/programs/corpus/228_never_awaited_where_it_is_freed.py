# A coroutine nobody awaited warns at the line whose store, delete or loop end frees it:
# an attribute or item replaced or deleted, a slice cleared, a for loop's iterable used up.
import asyncio


async def job():
    return 1


class Holder:
    pass


async def main():
    h = Holder()
    h.c = job()
    print("a")
    h.c = None
    print("b")
    for c in [job(), job()]:
        print("loop")
    print("c")
    d = {"k": job()}
    print("stored")
    del d["k"]
    print("d")
    xs = [job()]
    xs[0] = 5
    print("e")
    z = [job()]
    z[:] = []
    print("f")
    h.c = job()
    del h.c
    print("g")


asyncio.run(main())
