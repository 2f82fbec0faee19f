# A call_soon handle's repr before it runs, after it runs, and once cancelled (cancel() drops the callback, so it no longer shows)
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(print, "ran")
    print(h)
    await asyncio.sleep(0)
    print(h, h.cancelled())
    c = loop.call_soon(print, "never")
    c.cancel()
    print(c, c.cancelled())
    await asyncio.sleep(0)


asyncio.run(main())
