# A task cancelled before its first step never runs its body; cancel() on a finished task returns False
import asyncio


async def body(name):
    print(f"{name} body starts")
    await asyncio.sleep(0.1)
    print(f"{name} body ends")
    return name


async def main():
    t1 = asyncio.create_task(body("one"))
    t2 = asyncio.create_task(body("two"))
    print("cancel two before it starts:", t2.cancel())
    results = await asyncio.gather(t1, t2, return_exceptions=True)
    print([type(r).__name__ for r in results], t2.cancelled())
    print("cancel a finished task:", t1.cancel(), t1.cancelled())
    t3 = asyncio.create_task(body("three"))
    await asyncio.sleep(0)
    print("three started, cancel:", t3.cancel())
    try:
        await t3
    except asyncio.CancelledError:
        print("three cancelled at its await")


asyncio.run(main())
