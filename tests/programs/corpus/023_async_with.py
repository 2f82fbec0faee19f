# async with over the program's own classes: __aenter__/__aexit__ that await, exceptions seen by __aexit__
import asyncio


class Connection:
    opened = 0

    def __init__(self, name):
        self.name = name
        self.closed = False

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        Connection.opened += 1
        print(f"{self.name}: connected ({Connection.opened} open)")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.05)
        Connection.opened -= 1
        self.closed = True
        if exc_type is None:
            print(f"{self.name}: closed cleanly")
        else:
            print(f"{self.name}: closed after {exc_type.__name__}: {exc}")
        return exc_type is KeyError

    async def query(self, q):
        await asyncio.sleep(0.2)
        if q == "bad":
            raise ValueError(f"bad query on {self.name}")
        if q == "missing":
            raise KeyError(q)
        return f"{self.name}:{q.upper()}"


async def client(name, q):
    try:
        async with Connection(name) as conn:
            result = await conn.query(q)
            print(result)
            return result
    except ValueError as e:
        print("client caught:", e)
        return None


async def main():
    results = await asyncio.gather(client("c1", "select"), client("c2", "bad"), client("c3", "missing"))
    print(results, Connection.opened)


asyncio.run(main())
