# plain futures that failed, held in a dict nobody reads: each logs "Future exception was never retrieved" when main ends and frees them
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    futs = {i: loop.create_future() for i in range(3)}
    for i, f in futs.items():
        f.set_exception(ValueError(i))
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
