# A context manager whose __aenter__ is a plain def: `async with` gets back an object it cannot
# await, and CPython says where it came from.
import asyncio


class Conn:
    def __init__(self):
        self.open = False

    def __aenter__(self):
        self.open = True
        return self

    async def __aexit__(self, *exc):
        self.open = False


async def main():
    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    conn = Conn()
    try:
        async with conn:
            print("never here")
    except TypeError as e:
        print("TypeError:", e, conn.open)
    async with Conn():
        pass


asyncio.run(main())
