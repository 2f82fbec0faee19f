# Misconception: calling a coroutine function without await does nothing (CPython warns on stderr: never awaited)
import asyncio


async def save(record):
    await asyncio.sleep(0.1)
    print("saved", record)
    return True


async def main():
    result = save("first")
    print("without await we got a coroutine:", asyncio.iscoroutine(result), type(result).__name__)
    del result
    await asyncio.sleep(0.5)
    print("nothing was saved")
    ok = await save("second")
    print("with await:", ok)


asyncio.run(main())
