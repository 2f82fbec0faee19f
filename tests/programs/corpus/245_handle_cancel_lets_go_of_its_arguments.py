# Handle.cancel() lets go of the callback's arguments at once (asyncio's events.py
# sets self._args = None): a coroutine passed as an argument and never awaited
# warns inside cancel(), for call_later's TimerHandle and call_soon's Handle alike.
import asyncio


async def helper(n):
    return n


async def main():
    loop = asyncio.get_running_loop()
    later = loop.call_later(1, print, helper(1))
    later.cancel()
    print("cancelled the timer:", later.cancelled())
    soon = loop.call_soon(print, helper(2))
    soon.cancel()
    print("cancelled the handle:", soon.cancelled())
    soon.cancel()
    kept = loop.call_soon(print, "runs")
    await asyncio.sleep(0)
    print("end", kept.cancelled())


asyncio.run(main())
