# asyncio.wait with timeout: no TimeoutError, nothing cancelled; wait() of an empty set and of bare coroutines raise
import asyncio


async def work(i, delay):
    await asyncio.sleep(delay)
    print(f"work {i} finished at {asyncio.get_running_loop().time()}")
    return i


async def main():
    tasks = [asyncio.create_task(work(i, d)) for i, d in enumerate([0.2, 1.0, 3.0])]
    done, pending = await asyncio.wait(tasks, timeout=0.5)
    print(len(done), "done,", len(pending), "pending after the timeout")
    done, pending = await asyncio.wait(tasks, timeout=1.5, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), "done,", len(pending), "pending")
    try:
        await asyncio.wait(set())
    except ValueError as e:
        print("ValueError:", e)
    coro = work(9, 0)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.wait(tasks, return_when="SOMETIMES")
    except ValueError as e:
        print("ValueError:", e)
    print("leaving main with", len(pending), "pending")


asyncio.run(main())
