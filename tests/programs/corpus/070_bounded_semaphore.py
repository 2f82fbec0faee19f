# BoundedSemaphore: same as Semaphore, but releasing more than acquired raises ValueError
import asyncio


async def worker(sem, i):
    async with sem:
        await asyncio.sleep(0.1)
        print("worker", i, "done")


async def main():
    sem = asyncio.BoundedSemaphore(2)
    await asyncio.gather(*(worker(sem, i) for i in range(4)))
    await sem.acquire()
    sem.release()
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    print("locked:", sem.locked())


asyncio.run(main())
