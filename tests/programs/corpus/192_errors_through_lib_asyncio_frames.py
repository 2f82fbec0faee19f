# Errors raised in the body of asyncio's functions and methods that CPython writes in Python (queues, locks, create_task, gather, loop methods) come up through a frame of Lib/asyncio, shown as '...'; argument errors (raised before the body) and _asyncio's C functions do not
import asyncio


async def job():
    pass


async def main():
    q = asyncio.Queue()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("empty")
    try:
        asyncio.Lock().release()
    except RuntimeError as e:
        print(e)
    try:
        q.put_nowait()
    except TypeError as e:
        print(e)
    try:
        asyncio.create_task(job)
    except TypeError as e:
        print("TypeError")
    try:
        asyncio.current_task(1, 2)
    except TypeError as e:
        print(e)
    asyncio.get_running_loop().call_soon(5)


asyncio.run(main())
