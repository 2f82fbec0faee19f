# Timers with equal deadlines fire in the order they were armed: sleeps, call_later and call_at mixed
import asyncio


async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print("sleeper", name)


def callback(name):
    print("callback", name)


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(0.3, callback, "A")
    t1 = asyncio.create_task(sleeper("B", 0.3))
    loop.call_at(loop.time() + 0.3, callback, "C")
    t2 = asyncio.create_task(sleeper("D", 0.3))
    loop.call_later(0.3, callback, "E")
    await asyncio.sleep(0)
    loop.call_later(0.3, callback, "F (armed one pass later, same time)")
    await asyncio.gather(t1, t2)
    for i in range(5):
        loop.call_later(0.1 + i * 0.0001, callback, f"sub-ms {i}")
    loop.call_later(0.1, callback, "plain 0.1")
    await asyncio.sleep(0.2)
    print("1/3 steps:")
    tasks = [asyncio.create_task(sleeper(f"third {i}", 1 / 3)) for i in range(3)]
    loop.call_later(1 / 3, callback, "third cb")
    await asyncio.gather(*tasks)
    print(loop.time())


asyncio.run(main())
