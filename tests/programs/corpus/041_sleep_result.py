# asyncio.sleep: sleep(0) yields one loop pass, sleep with result returns it, delays as ints and floats
import asyncio


async def ping(name, n):
    for i in range(n):
        print(f"{name} {i}")
        await asyncio.sleep(0)


async def main():
    value = await asyncio.sleep(0.5, result="woke up")
    print(value)
    none = await asyncio.sleep(0)
    print(none)
    print(await asyncio.sleep(1, "int delay"), await asyncio.sleep(0.25, result=[1, 2]))
    await asyncio.gather(ping("a", 3), ping("b", 3))
    results = await asyncio.gather(*[asyncio.sleep(d, result=d) for d in (0.3, 0.1, 0.2)])
    print(results, asyncio.get_running_loop().time())
    await asyncio.sleep(-1)
    print("negative delay returns at once", asyncio.get_running_loop().time())


asyncio.run(main())
