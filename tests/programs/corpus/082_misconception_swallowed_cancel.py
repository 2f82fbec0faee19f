# Misconception: catching CancelledError and carrying on makes cancel() and timeouts silently fail
import asyncio


async def swallower():
    for i in range(3):
        try:
            await asyncio.sleep(1)
            print("swallower step", i)
        except asyncio.CancelledError:
            print("swallower ignores the cancel")
    return "swallower finished anyway"


async def polite():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("polite cleans up and re-raises")
        raise


async def main():
    s = asyncio.create_task(swallower())
    p = asyncio.create_task(polite())
    await asyncio.sleep(0.5)
    s.cancel()
    p.cancel()
    print(await asyncio.gather(s, p, return_exceptions=True))
    print("swallower cancelled?", s.cancelled(), "polite cancelled?", p.cancelled())
    try:
        async with asyncio.timeout(0.5):
            await swallower()
        print("the timeout never fired: no TimeoutError")
    except TimeoutError:
        print("TimeoutError")


asyncio.run(main())
