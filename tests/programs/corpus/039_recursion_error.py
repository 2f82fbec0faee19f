# RecursionError at CPython's default depth, caught at module level and inside a coroutine (the depths differ)
import asyncio


def depth(n):
    try:
        return depth(n + 1)
    except RecursionError:
        return n


def countdown(n):
    if n == 0:
        return 0
    return 1 + countdown(n - 1)


print("module level depth:", depth(0))
print("500 deep is fine:", countdown(500))


async def main():
    print("inside main:", depth(0))
    try:
        countdown(5000)
    except RecursionError as e:
        print("RecursionError:", e)
    await asyncio.sleep(0)
    print("after a step:", depth(0))


asyncio.run(main())
