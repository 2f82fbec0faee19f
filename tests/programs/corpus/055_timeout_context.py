# asyncio.timeout(): TimeoutError when the block runs over, expired(), timeout(None) rescheduled later, nested timeouts
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.5) as cm:
            await asyncio.sleep(2)
    except TimeoutError:
        print("timed out at", loop.time(), "expired:", cm.expired())
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0.2)
    print("in time, expired:", cm.expired(), "when:", cm.when())
    try:
        async with asyncio.timeout(None) as cm:
            print("no deadline:", cm.when())
            cm.reschedule(loop.time() + 0.3)
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled deadline hit at", round(loop.time(), 3))
    try:
        async with asyncio.timeout(2):
            try:
                async with asyncio.timeout(0.1):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout at", round(loop.time(), 3))
            await asyncio.sleep(5)
    except TimeoutError:
        print("outer timeout at", round(loop.time(), 3))
    try:
        async with asyncio.timeout(0):
            await asyncio.sleep(0)
            print("not reached")
    except TimeoutError:
        print("timeout(0) fires at the first await")
    async with asyncio.timeout(-1) as cm:
        pass
    print("a block without await is not interrupted, expired:", cm.expired())


asyncio.run(main())
