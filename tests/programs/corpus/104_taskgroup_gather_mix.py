# gathers inside a TaskGroup and TaskGroups inside a gather, with one failure in each shape
import asyncio


async def unit(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    print("unit", name)
    return name


async def grouped(prefix, fail_index):
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(unit(f"{prefix}{i}", 0.1 * (i + 1), i == fail_index)) for i in range(3)]
    return [t.result() for t in ts]


async def gathered(*aws):
    return await asyncio.gather(*aws)


async def main():
    results = await asyncio.gather(grouped("x", None), grouped("y", 1), return_exceptions=True)
    print([r if isinstance(r, list) else repr(r) for r in results])
    try:
        async with asyncio.TaskGroup() as tg:
            g1 = tg.create_task(gathered(unit("p", 0.1), unit("q", 0.3)))
            g2 = tg.create_task(gathered(unit("r", 0.2, fail=True), unit("s", 0.4)))
    except* ValueError as eg:
        print("group:", repr(eg))
    print(g1.cancelled(), g2.done())
    await asyncio.sleep(0.5)


asyncio.run(main())
