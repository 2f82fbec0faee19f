# asyncio.timeout_at(when): an absolute deadline on loop.time(), pushed back with reschedule() while work progresses
import asyncio


async def stream(chunks):
    for i in range(chunks):
        await asyncio.sleep(0.4)
        yield_value = i
        print(f"chunk {yield_value} at {asyncio.get_running_loop().time():.1f}")


async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 1.0
    try:
        async with asyncio.timeout_at(deadline) as cm:
            for i in range(5):
                await asyncio.sleep(0.4)
                print(f"step {i} at {loop.time():.1f}")
                cm.reschedule(loop.time() + 0.5)
            print("finished, deadline was", round(cm.when(), 1))
    except TimeoutError:
        print("never happens")
    try:
        async with asyncio.timeout_at(loop.time() + 0.5) as cm:
            await stream(5)
    except TimeoutError:
        print("stream cut at", round(loop.time(), 1), cm.expired())
    async with asyncio.timeout_at(loop.time() + 10) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.1)
    print("when after reschedule(None):", cm.when())


asyncio.run(main())
