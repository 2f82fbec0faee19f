# asyncio.wait with ALL_COMPLETED (the default): done and pending sets, exceptions stay inside the tasks
import asyncio


async def work(i, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"Task {i} failed")
    return i * 10


async def main():
    tasks = [asyncio.create_task(work(i, 0.1 * (i + 1), fail=(i == 2)), name=f"w{i}") for i in range(4)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.ALL_COMPLETED)
    print(len(done), len(pending), asyncio.get_running_loop().time())
    for t in sorted(done, key=lambda t: t.get_name()):
        if t.exception() is not None:
            print(t.get_name(), "raised", repr(t.exception()))
        else:
            print(t.get_name(), "returned", t.result())
    print(asyncio.ALL_COMPLETED, asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION)


asyncio.run(main())
