# A task that needs time to clean up when asyncio.run cancels it at shutdown: the loop runs until it is done
import asyncio


async def uploader():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("uploader: flushing buffers at", asyncio.get_running_loop().time())
        await asyncio.sleep(0.75)
        print("uploader: flushed at", asyncio.get_running_loop().time())
        return "flushed"


async def refuses():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("refuses: raising a different error during shutdown")
        raise RuntimeError("cleanup failed")


async def main():
    asyncio.create_task(uploader())
    asyncio.create_task(refuses())
    await asyncio.sleep(1)
    print("main done at", asyncio.get_running_loop().time())


asyncio.run(main())
print("asyncio.run returned")
