# A coroutine never awaited: CPython warns once per line that made one (the warnings module's registry), however many it made there
import asyncio


async def work(i):
    return i


async def main():
    for i in range(3):
        work(i)
    work(9)
    try:
        work(10)
        raise ValueError("after a forgotten await")
    except ValueError as e:
        print("caught", e)
    for i in range(2):
        work(i)
    print("done")


asyncio.run(main())
