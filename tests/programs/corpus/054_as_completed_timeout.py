# as_completed with timeout: TimeoutError once the time is up, with the slow awaitables still running
import asyncio


async def work(n, delay):
    await asyncio.sleep(delay)
    print(f"work {n} done")
    return n


async def main():
    tasks = [asyncio.create_task(work(n, d)) for n, d in enumerate([0.2, 0.4, 1.5, 2.0])]
    got = []
    try:
        for fut in asyncio.as_completed(tasks, timeout=1.0):
            got.append(await fut)
    except TimeoutError:
        print("timed out after", got, "at", asyncio.get_running_loop().time())
    print([t.done() for t in tasks])
    try:
        async for t in asyncio.as_completed(tasks[2:], timeout=0.25):
            print("unexpected", t.result())
    except asyncio.TimeoutError:
        print("async for timed out too")
    await asyncio.sleep(1)
    print([t.done() for t in tasks])


asyncio.run(main())
