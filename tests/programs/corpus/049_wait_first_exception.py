# asyncio.wait(FIRST_EXCEPTION): returns at the first failure; a cancellation does not count; no failure = ALL_COMPLETED
import asyncio


async def work(i, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"worker {i} broke")
    print(f"worker {i} done")
    return i


async def main():
    tasks = [asyncio.create_task(work(i, 0.1 * (i + 1), fail=(i == 1))) for i in range(4)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"at {asyncio.get_running_loop().time():.1f}: {len(done)} done, {len(pending)} pending")
    for t in tasks:
        if t in done and t.exception():
            print("failure:", t.exception())
    for t in tasks:
        if t in pending:
            t.cancel()
    await asyncio.wait(pending)
    print([t.cancelled() for t in tasks])
    calm = [asyncio.create_task(work(i, 0.1)) for i in range(10, 12)]
    victim = asyncio.create_task(work(99, 0.5))
    asyncio.get_running_loop().call_later(0.05, victim.cancel)
    done, pending = await asyncio.wait(calm + [victim], return_when=asyncio.FIRST_EXCEPTION)
    print(f"no failure: {len(done)} done, {len(pending)} pending at {asyncio.get_running_loop().time():.2f}")


asyncio.run(main())
