# Gallery, misconception: "no threads, no races". But an await can split check and update.
import asyncio

seats = 2


async def book(name, paying_time):
    global seats
    if seats > 0:
        print(f"{name} sees {seats} seat(s) left and pays")
        await asyncio.sleep(paying_time)  # other tasks run while this one pays
        seats -= 1
        print(f"{name} booked a seat, {seats} left")
    else:
        print(f"{name}: sold out")


async def book_with_lock(lock, name, paying_time):
    async with lock:  # one booking at a time: check and update with nobody in between
        await book(name, paying_time)


async def main():
    global seats
    buyers = {"Ann": 0.3, "Ben": 0.5, "Cat": 0.2, "Dan": 0.4}
    await asyncio.gather(*(book(name, t) for name, t in buyers.items()))
    print(f"without a lock: {seats} seats left, oversold!")
    seats = 2
    lock = asyncio.Lock()
    await asyncio.gather(*(book_with_lock(lock, name, t) for name, t in buyers.items()))
    print(f"with a lock: {seats} seats left")


asyncio.run(main())
