# 'Exception in callback' names a callback that is not a function as format_helpers does: by its
# __qualname__ (a class, a built-in), else its __name__, else its repr.
import asyncio

class Job:
    def __init__(self, n):
        raise ValueError(f"job {n} init failed")

class Runner:
    def go(self):
        raise KeyError("go")
    @staticmethod
    def st():
        raise TypeError("st")
    @classmethod
    def cm(cls):
        raise RuntimeError("cm")

async def main():
    loop = asyncio.get_running_loop()
    r = Runner()
    loop.call_soon(Job, 1)
    loop.call_soon(r.go)
    loop.call_soon(Runner.st)
    loop.call_soon(Runner.cm)
    loop.call_soon("abc".index, "z")
    loop.call_soon([].pop)
    loop.call_soon(int, "zz")
    await asyncio.sleep(0.01)

asyncio.run(main())
