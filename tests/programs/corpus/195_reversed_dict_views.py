# reversed() of a dict's views (keys, values, items), as Python 3.8+ allows
import asyncio


async def main():
    d = {"x": 3, "y": 1}
    print(list(reversed(d)))
    print(list(reversed(d.keys())))
    print(list(reversed(d.values())))
    print(list(reversed(d.items())))
    a = 5
    print(a is 5, None is None, True is True)
    print(type(reversed(d.items())).__name__, type(reversed(d.values())).__name__)


asyncio.run(main())
