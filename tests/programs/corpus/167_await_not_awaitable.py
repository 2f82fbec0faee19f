# await of a value that is not awaitable: CPython's TypeError names its type, for built-in and program classes alike
import asyncio


class Plain:
    pass


async def main():
    for value in [5, "text", None, Plain(), [1, 2], asyncio.Lock()]:
        try:
            await value
        except TypeError as e:
            print(type(value).__name__, "->", e)
    await 3.5


asyncio.run(main())
