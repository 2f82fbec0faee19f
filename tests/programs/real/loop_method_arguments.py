# The event loop's methods called with missing or extra arguments: CPython's messages name BaseEventLoop's methods (under the virtual-time harness they would name its loop's, so this runs on the real clock)
import asyncio
async def m():
    l = asyncio.get_running_loop()
    for f in (
        lambda: l.call_at(), lambda: l.call_at(1), lambda: l.create_task(),
        lambda: l.create_future(1), lambda: l.call_later(1), lambda: l.call_soon(),
    ):
        try:
            f()
        except TypeError as e:
            print(e)
asyncio.run(m())
