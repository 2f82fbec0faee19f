# A forgotten call: `await asyncio.sleep` awaits the function itself. asyncio.sleep is written in
# Python, so CPython calls it a function (and a Queue's get a method), not a built-in.
import asyncio


async def main():
    q = asyncio.Queue()
    print(type(asyncio.sleep).__name__, asyncio.sleep.__name__, asyncio.sleep.__qualname__)
    print(type(q.get).__name__, q.get.__name__, type(asyncio.current_task).__name__)
    await asyncio.sleep


asyncio.run(main())
