# Coroutine functions as values: closures over loop state, bound async methods, lambdas returning coroutines
import asyncio


class Counter:
    def __init__(self):
        self.n = 0

    async def bump(self, by):
        await asyncio.sleep(0.01 * by)
        self.n += by
        return self.n


def make_job(label, delay):
    async def job():
        await asyncio.sleep(delay)
        return f"{label} after {delay}"
    return job


async def main():
    jobs = [make_job(f"job{i}", 0.1 * (3 - i)) for i in range(3)]
    print(await asyncio.gather(*(j() for j in jobs)))
    c = Counter()
    bump = c.bump
    print(await asyncio.gather(bump(3), bump(1), c.bump(2)), c.n)
    delayed = lambda x: asyncio.sleep(0.05, result=x * 2)
    print(await delayed(21))
    registry = {"double": lambda v: v * 2, "shout": lambda v: str(v).upper() + "!"}
    for name in sorted(registry):
        print(name, registry[name]("hey" if name == "shout" else 4))
    tasks = {name: asyncio.create_task(make_job(name, d)()) for name, d in [("a", 0.2), ("b", 0.1)]}
    done, _ = await asyncio.wait(tasks.values(), return_when=asyncio.FIRST_COMPLETED)
    print([name for name, t in tasks.items() if t in done])
    await asyncio.wait(tasks.values())


asyncio.run(main())
