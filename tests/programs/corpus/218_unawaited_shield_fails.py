# A shield nobody awaits whose inner coroutine fails: the outer future holds the exception, and
# once the program drops it CPython logs "Future exception was never retrieved". A shield that is
# awaited, and one whose outer future is cancelled, log nothing of their own.
import asyncio


async def inner(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(f"inner {n}")


async def main():
    s = asyncio.shield(inner(1))
    try:
        await asyncio.shield(inner(2))
    except ValueError as e:
        print("awaited:", e)
    t = asyncio.shield(inner(3))
    t.cancel()
    await asyncio.sleep(0.1)
    print("main ends", s.done(), t.cancelled())


asyncio.run(main())
