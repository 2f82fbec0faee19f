# Misconception: an await between read and write loses updates to shared state; an asyncio.Lock fixes it
import asyncio

balance = 0


async def deposit_unsafe(amount):
    global balance
    current = balance
    await asyncio.sleep(0.01)
    balance = current + amount


async def deposit_safe(lock, amount):
    global balance
    async with lock:
        current = balance
        await asyncio.sleep(0.01)
        balance = current + amount


async def main():
    global balance
    await asyncio.gather(*(deposit_unsafe(10) for _ in range(100)))
    print("without a lock:", balance, "(expected 1000)")
    balance = 0
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit_safe(lock, 10) for _ in range(100)))
    print("with a lock:", balance, "at", asyncio.get_running_loop().time())


asyncio.run(main())
