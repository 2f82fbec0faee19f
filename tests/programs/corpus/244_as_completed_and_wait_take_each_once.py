# as_completed() and wait() take each object once (CPython makes a set of them) and
# each future once: duplicates, a coroutine given twice, a future and ensure_future of it.
import asyncio


async def work(i):
    await asyncio.sleep(0.1 * i)
    return i


async def main():
    t1 = asyncio.create_task(work(1))
    t2 = asyncio.create_task(work(2))
    c = work(3)
    got = []
    for f in asyncio.as_completed([t2, t1, t2, c, c, t1]):
        got.append(await f)
    print(got)
    t3 = asyncio.create_task(work(1))
    done, pending = await asyncio.wait([t3, t3, t3])
    print(len(done), len(pending), t3 in done)
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.2, fut.set_result, "f")
    got = [await f for f in asyncio.as_completed([fut, fut, asyncio.ensure_future(fut)])]
    print(got)


asyncio.run(main())
