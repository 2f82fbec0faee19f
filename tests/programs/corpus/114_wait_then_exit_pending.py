# wait() with a timeout returns with tasks pending; main ends and asyncio.run's shutdown cancels them
import asyncio


async def work(value, delay):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"work {value} cancelled by shutdown at {asyncio.get_running_loop().time()}")
        raise
    print(f">Task {value} done")
    return value


async def main():
    tasks = [asyncio.create_task(work(i, 0.5 * (i + 1))) for i in range(5)]
    done, pending = await asyncio.wait(tasks, timeout=1.2)
    print(sorted(t.result() for t in done), len(pending))
    print("Done.")


asyncio.run(main())
