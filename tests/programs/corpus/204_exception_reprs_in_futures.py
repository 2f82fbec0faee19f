# A future's or task's repr, and the 'Task exception was never retrieved' log, show an exception with the program's own __repr__
import asyncio


class Oops(Exception):
    def __init__(self, a, b=3):
        super().__init__(a)
        self.b = b

    def __repr__(self):
        return f"Oops<{self.args[0]}, {self.b}>"


async def bad():
    await asyncio.sleep(0.1)
    raise Oops("x", b=9)


async def main():
    f = asyncio.get_running_loop().create_future()
    f.set_exception(Oops("f"))
    print(f)
    f.exception()
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.5)
    print("done main", t.done(), str(t).replace(__file__, "main.py"))
    del t

asyncio.run(main())
print("after run")
