# An `async def __init__` (a common mistake) makes a coroutine that type.__call__ rejects: TypeError "__init__() should return None, not 'coroutine'", and the coroutine warns as never awaited; its body never runs
import asyncio


class Svc:
    async def __init__(self, name):
        print("never printed", name)
        self.name = name


async def main():
    try:
        Svc("db")
    except TypeError as e:
        print("caught:", e)
    svc = Svc("cache")
    print("constructed", svc)


asyncio.run(main())
