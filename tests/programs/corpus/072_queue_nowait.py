# put_nowait/get_nowait with QueueFull and QueueEmpty, and a get with a timeout when nothing arrives
import asyncio


async def main():
    q = asyncio.Queue(2)
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull at size", q.qsize())
    print(q.get_nowait(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty, empty =", q.empty())
    try:
        await asyncio.wait_for(q.get(), timeout=0.3)
    except TimeoutError:
        print("nothing arrived by", asyncio.get_running_loop().time())
    asyncio.get_running_loop().call_later(0.2, q.put_nowait, "late item")
    print("got", await q.get(), "at", asyncio.get_running_loop().time())
    print(isinstance(asyncio.QueueFull(), Exception), repr(asyncio.QueueEmpty()))


asyncio.run(main())
