# Semaphore._value, the counter tutorials print, follows locks.py as acquires and releases come and go (waiters included)
import asyncio


async def worker(sem, n):
    async with sem:
        print(f"worker {n} in, value {sem._value}")
        await asyncio.sleep(0.1)
    print(f"worker {n} out, value {sem._value}")


async def main():
    sem = asyncio.Semaphore(2)
    print("start", sem._value)
    await asyncio.gather(*(worker(sem, n) for n in range(4)))
    print("end", sem._value)
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    print("bounded", b._value, b.locked())
    b.release()
    print("bounded", b._value, b.locked())


asyncio.run(main())
