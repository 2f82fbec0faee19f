# Walrus := in while conditions, if tests and comprehensions, while a queue is drained
import asyncio


async def main():
    queue = asyncio.Queue()
    for word in ["alpha", "beta", "gamma", "delta"]:
        queue.put_nowait(word)
    while (size := queue.qsize()) > 0:
        word = await queue.get()
        print(f"{size} left, took {word}")
    data = [3, 8, 1, 9, 4]
    if (n := len(data)) > 3:
        print(f"list is long ({n} elements)")
    big = [y for x in data if (y := x * 10) > 35]
    print(big, y)
    countdown = 3
    while (countdown := countdown - 1) >= 0:
        await asyncio.sleep(0.5)
        print("tick", countdown)
    print(f"{(total := sum(data))} and again {total}")


asyncio.run(main())
