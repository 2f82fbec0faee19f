# gather without return_exceptions: the first exception reaches the awaiter at once, the other children keep running
import asyncio


async def work(i, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(f"Task {i} failed")
    print(f">Task {i} done at {asyncio.get_running_loop().time():.1f}")
    return i


async def main():
    children = [work(0, 3), work(1, 1, fail=True), work(2, 2)]
    try:
        results = await asyncio.gather(*children)
        print("results", results)
    except ValueError as e:
        print(f"Caught ValueError: {e} at {asyncio.get_running_loop().time():.1f}")
    others = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
    print(len(others), "children still running")
    await asyncio.sleep(2.5)
    print("Done.")


asyncio.run(main())
