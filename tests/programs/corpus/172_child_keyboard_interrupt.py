# a child task raises KeyboardInterrupt: it escapes the loop mid-sleep, main is cancelled at shutdown, and the child's exception is logged as never retrieved
import asyncio


async def child():
    await asyncio.sleep(0.1)
    raise KeyboardInterrupt


async def main():
    task = asyncio.create_task(child())
    await asyncio.sleep(1)
    print("never", task)


asyncio.run(main())
