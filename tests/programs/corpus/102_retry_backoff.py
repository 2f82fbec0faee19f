# Retry with exponential backoff and a per-attempt timeout around a flaky service
import asyncio


class Flaky:
    def __init__(self, failures, slow_calls):
        self.calls = 0
        self.failures = failures
        self.slow_calls = slow_calls

    async def call(self):
        self.calls += 1
        n = self.calls
        if n in self.slow_calls:
            await asyncio.sleep(5)
        await asyncio.sleep(0.1)
        if n <= self.failures:
            raise ConnectionError_(f"call {n} refused")
        return f"answer from call {n}"


class ConnectionError_(Exception):
    pass


async def with_retry(service, attempts=5, base=0.1):
    for attempt in range(attempts):
        try:
            return await asyncio.wait_for(service.call(), timeout=1)
        except (ConnectionError_, TimeoutError) as e:
            delay = base * 2 ** attempt
            print(f"attempt {attempt + 1} failed ({type(e).__name__}: {e}); retrying in {delay:.1f} s")
            await asyncio.sleep(delay)
    raise RuntimeError("out of attempts")


async def main():
    loop = asyncio.get_running_loop()
    print(await with_retry(Flaky(failures=2, slow_calls={3})), "at", round(loop.time(), 2))
    try:
        await with_retry(Flaky(failures=10, slow_calls=set()), attempts=3)
    except RuntimeError as e:
        print("gave up:", e, "at", round(loop.time(), 2))


asyncio.run(main())
