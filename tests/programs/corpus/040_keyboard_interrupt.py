# A KeyboardInterrupt raised inside a task escapes asyncio.run at once (the loop stops; shutdown cancels the rest)
import asyncio


async def background(i):
    try:
        await asyncio.sleep(10)
    finally:
        print(f"background {i} cleaned up")


async def operator():
    await asyncio.sleep(1.5)
    print("operator presses Ctrl-C")
    raise KeyboardInterrupt


async def main():
    workers = [asyncio.create_task(background(i)) for i in range(2)]
    op = asyncio.create_task(operator())
    await asyncio.sleep(5)
    print("not reached", len(workers), op.done())


asyncio.run(main())
