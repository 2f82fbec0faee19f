# task.set_name() while the task runs: its repr, get_name() and the outcome use the new name
# from then on; the passes before the rename (and the one it is made in) knew it by the old one.
import asyncio


async def worker(n):
    for i in range(3):
        await asyncio.sleep(0.1)
        print(asyncio.current_task().get_name(), i)
    if n == 1:
        asyncio.current_task().set_name("renamed itself")
    await asyncio.sleep(0.1)
    return asyncio.current_task().get_name()


async def main():
    a = asyncio.create_task(worker(1))
    b = asyncio.create_task(worker(2), name="second")
    await asyncio.sleep(0.15)
    # Renamed between its steps: the passes after this one know it by the new name.
    b.set_name("it's second")
    print(repr(b))
    await asyncio.sleep(0.1)
    a.set_name(a.get_name() + "!")
    print(await a, await b)
    print(repr(a))


asyncio.run(main())
