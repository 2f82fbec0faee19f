# Semaphore: at most 2 downloads at a time, the others wait their turn in order
import asyncio


async def download(sem, i, active):
    async with sem:
        active.append(i)
        print(f"start {i}, active {sorted(active)}, locked={sem.locked()}")
        await asyncio.sleep(0.5 if i % 2 else 0.3)
        active.remove(i)
    print(f"end {i}")
    return i


async def main():
    sem = asyncio.Semaphore(2)
    active = []
    results = await asyncio.gather(*(download(sem, i, active) for i in range(6)))
    print(results, sem.locked())
    sem2 = asyncio.Semaphore(0)
    asyncio.get_running_loop().call_later(0.2, sem2.release)
    await sem2.acquire()
    print("acquired after a release by a timer at", asyncio.get_running_loop().time())
    sem2.release()
    sem2.release()
    print("Semaphore can be released above its start value:", sem2.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)


asyncio.run(main())
