# Every value knows its class: __class__ and type() agree, down to built-in values
import asyncio


async def main():
    values = [5, 2.5, "s", [], (), {}, {1}, None, True, range(2), main, asyncio.current_task()]
    for v in values:
        assert v.__class__ is type(v)  # lint: ok
        print(type(v).__name__, v.__class__.__name__)  # lint: ok


asyncio.run(main())
