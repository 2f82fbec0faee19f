# gather(return_exceptions=True): exceptions and a cancelled child's CancelledError land in the results list
import asyncio


async def work(i, delay, fail):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"Task {i} failed")
    print(f">Task {i} done")
    return i


async def main():
    tasks = [asyncio.create_task(work(i, 0.1 * (3 - i), i == 1)) for i in range(4)]
    asyncio.get_running_loop().call_later(0.05, tasks[3].cancel)
    results = await asyncio.gather(*tasks, return_exceptions=True)
    for r in results:
        print(type(r).__name__, repr(r))
    print([t.cancelled() for t in tasks])
    errors = [r for r in results if isinstance(r, BaseException)]
    print(len(errors), "problems")


asyncio.run(main())
