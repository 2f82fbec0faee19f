# Condition: wait/notify/notify_all under async with, wait_for(predicate), a bounded buffer with two consumers
import asyncio


class Buffer:
    def __init__(self):
        self.items = []
        self.cond = asyncio.Condition()
        self.closed = False

    async def put(self, item):
        async with self.cond:
            self.items.append(item)
            print("put", item)
            self.cond.notify()

    async def get(self, name):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items or self.closed)
            if self.items:
                item = self.items.pop(0)
                print(f"{name} got {item}")
                return item
            return None

    async def close(self):
        async with self.cond:
            self.closed = True
            self.cond.notify_all()


async def consumer(buf, name):
    got = []
    while (item := await buf.get(name)) is not None:
        got.append(item)
        await asyncio.sleep(0.15)
    print(f"{name} finished with {got}")
    return got


async def main():
    buf = Buffer()
    consumers = [asyncio.create_task(consumer(buf, n)) for n in ("c1", "c2")]
    for i in range(5):
        await asyncio.sleep(0.1)
        await buf.put(i)
    await asyncio.sleep(0.5)
    await buf.close()
    print(await asyncio.gather(*consumers))
    cond = asyncio.Condition()
    async with cond:
        print("locked inside:", cond.locked())
        try:
            await asyncio.wait_for(cond.wait(), 0.1)
        except TimeoutError:
            print("nobody notified; lock held again:", cond.locked())
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
