# Tasks still pending when main returns: asyncio.run cancels them in its shutdown, their finally blocks run
import asyncio


async def ticker(name, interval):
    n = 0
    try:
        while True:
            await asyncio.sleep(interval)
            n += 1
            print(f"{name} tick {n}")
    except asyncio.CancelledError:
        print(f"{name} cancelled after {n} ticks")
        raise
    finally:
        print(f"{name} finally")


async def main():
    asyncio.create_task(ticker("fast", 0.3))
    asyncio.create_task(ticker("slow", 0.7))
    await asyncio.sleep(1.5)
    print("main returns while the tickers run")
    return "main's value"


print(asyncio.run(main()))
