# Lock: async with, acquire/release, locked(), FIFO order of waiters, releasing an unlocked lock
import asyncio


async def use_printer(lock, name, pages):
    print(f"{name} wants the printer (locked={lock.locked()})")
    async with lock:
        print(f"{name} prints {pages} pages")
        await asyncio.sleep(0.1 * pages)
    print(f"{name} done")


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(use_printer(lock, "ann", 3), use_printer(lock, "bob", 1), use_printer(lock, "cyd", 2))
    print("acquire ->", await lock.acquire(), lock.locked())
    lock.release()
    print("released, locked =", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
