# A rate limiter from a Semaphore and call_later: at most 3 requests start per second
import asyncio


class RateLimiter:
    def __init__(self, per_second):
        self.sem = asyncio.Semaphore(per_second)
        self.loop = asyncio.get_running_loop()

    async def __aenter__(self):
        await self.sem.acquire()
        self.loop.call_later(1, self.sem.release)
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return False


async def request(limiter, i):
    async with limiter:
        print(f"request {i} starts at {asyncio.get_running_loop().time():.1f}")
        await asyncio.sleep(0.2)
    return i


async def main():
    limiter = RateLimiter(3)
    results = await asyncio.gather(*(request(limiter, i) for i in range(8)))
    print(results)


asyncio.run(main())
