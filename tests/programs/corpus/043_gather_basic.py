# gather: results in argument order not completion order, tasks and coroutines mixed, nested gathers, gather() of nothing
import asyncio


async def fetch(name, delay):
    print(f"start {name}")
    await asyncio.sleep(delay)
    print(f"end {name}")
    return name.upper()


async def main():
    results = await asyncio.gather(fetch("slow", 0.3), fetch("fast", 0.1), fetch("mid", 0.2))
    print(results)
    task = asyncio.create_task(fetch("task", 0.15))
    mixed = await asyncio.gather(fetch("coro", 0.05), task)
    print(mixed, task.done(), task.result())
    inner1 = asyncio.gather(fetch("a", 0.1), fetch("b", 0.2))
    inner2 = asyncio.gather(fetch("c", 0.05))
    nested = await asyncio.gather(inner1, inner2)
    print(nested)
    print(await asyncio.gather())
    same = asyncio.create_task(fetch("twice", 0.1))
    print(await asyncio.gather(same, same))


asyncio.run(main())
