# Timers due before the program's start (a negative delay, a past call_at at t=0) sort before the others, as CPython's heap keeps their real deadlines; asyncio's own coroutines have their __qualname__
import asyncio

def cb(tag):
    loop = asyncio.get_running_loop()
    print("cb", tag, loop.time())

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    loop.call_later(0.1, cb, "a")
    loop.call_at(t0 + 0.1, cb, "b")
    loop.call_later(0.1000001, cb, "c")
    loop.call_later(0.0995, cb, "d")
    loop.call_soon(cb, "soon")
    h = loop.call_later(0.1, cb, "cancelled")
    h.cancel()
    loop.call_later(0, cb, "zero")
    loop.call_later(-1, cb, "neg")
    await asyncio.sleep(0.1)
    print("main woke", loop.time())
    await asyncio.sleep(0.0004)
    print("main woke2", repr(loop.time()))
    await asyncio.sleep(0.0015)
    print("main woke3", repr(loop.time()))
    await asyncio.sleep(1/3)
    print("main woke4", repr(loop.time()), repr(loop.time() - t0))

asyncio.run(main())


async def names():
    c = asyncio.Event().wait()
    print(c.__name__, c.__qualname__)
    c.close()
    s = asyncio.sleep(1)
    print(s.__name__, s.__qualname__)
    s.close()


asyncio.run(names())
