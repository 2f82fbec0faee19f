# Recursion that awaits asyncio.sleep meets the limit earlier: CPython's sleep runs frames of its
# own (sleep and __sleep0 for a delay of 0; sleep, call_later, call_at and the handle's __init__s
# for a longer one), which the recursion limit counts.
import asyncio

depth = 0


async def crawl(n, delay):
    global depth
    depth = n
    await asyncio.sleep(delay)
    await crawl(n + 1, delay)


async def main():
    for delay in (0, 0.001):
        try:
            await crawl(0, delay)
        except RecursionError as e:
            print(delay, depth, e)


asyncio.run(main())
