# A coroutine never awaited warns at the line where the last reference to what held it goes: a list rebound or deleted, a dict or an object dropped, a module global rebound (not the line that made it)
import asyncio


async def save(n):
    print("saved", n)


class Batch:
    def __init__(self):
        self.pending = [save(3)]


async def main():
    coros = [save(1)]
    x = 1
    coros = None
    print("rebound", x)
    jobs = {"a": save(2)}
    y = 2
    del jobs
    print("deleted", y)
    batch = Batch()
    z = 3
    batch = z
    print("object dropped", batch)


held = (save(4), save(5))
print("module level")
held = 0
asyncio.run(main())
later = [save(6)]
print("after run")
later = 5
print("end")
