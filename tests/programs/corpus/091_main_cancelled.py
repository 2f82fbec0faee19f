# main cancelled from outside (like Ctrl-C): its finally runs, pending tasks are cancelled, CancelledError escapes
import asyncio


async def worker(i):
    try:
        await asyncio.sleep(10)
    finally:
        print(f"worker {i} stopped")


async def main():
    asyncio.get_running_loop().call_later(1.5, asyncio.current_task().cancel)
    workers = [asyncio.create_task(worker(i)) for i in range(3)]
    try:
        await asyncio.sleep(5)
        print("not reached")
    finally:
        print("main's finally at", asyncio.get_running_loop().time(), len(workers))


asyncio.run(main())
