# A learner's typos, each in a task nobody awaits: every "Task exception was never retrieved"
# traceback ends with CPython's suggestion (or none), computed as its traceback module does.
import asyncio


class Worker:
    def __init__(self):
        self.za = 1
        self.count = 0


async def typo(n):
    await asyncio.sleep(0)
    queue = asyncio.Queue()
    lock = asyncio.Lock()
    xs = [1, 2]
    if n == 0:
        return mx(xs)
    if n == 1:
        return true
    if n == 2:
        return le(xs)
    if n == 3:
        return {}.ge
    if n == 4:
        return inpt
    if n == 5:
        return asyncio.Tasks
    if n == 6:
        return asyncio.coroutine
    if n == 7:
        return queue.maxsiz
    if n == 8:
        return lock.lock
    if n == 9:
        return xs.pp()
    if n == 10:
        return Worker().zc
    if n == 11:
        return asyncio.slep(1)
    if n == 12:
        return Flase
    return "abc".uper()


async def main():
    tasks = [asyncio.create_task(typo(n)) for n in range(14)]
    await asyncio.sleep(0.1)
    print("all", len(tasks), "tasks failed")


asyncio.run(main())
