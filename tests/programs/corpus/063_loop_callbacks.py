# The running loop: time(), call_soon, call_later, call_at, cancelling handles, get_event_loop inside a coroutine
import asyncio


def log(msg, *extra):
    now = asyncio.get_event_loop().time()
    print(f"[{now:.2f}] {msg}", *extra)


async def main():
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_event_loop())
    start = loop.time()
    loop.call_soon(log, "call_soon 1")
    loop.call_soon(log, "call_soon 2", "with args")
    loop.call_later(0.5, log, "call_later 0.5")
    loop.call_later(0.2, log, "call_later 0.2")
    loop.call_at(start + 0.3, log, "call_at +0.3")
    h = loop.call_later(0.4, log, "cancelled, never printed")
    h2 = loop.call_soon(log, "cancelled call_soon, never printed")
    h.cancel()
    h2.cancel()
    h.cancel()
    log("main before its first await")
    await asyncio.sleep(0)
    log("main after sleep(0)")
    await asyncio.sleep(1)
    done = loop.create_future()
    loop.call_later(0.25, done.set_result, "set by a timer")
    print(await done)
    log("end")


asyncio.run(main())
