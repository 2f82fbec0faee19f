# A misspelt name: the traceback suggests the local it was meant to be, and self's attribute
import asyncio


class Counter:
    def __init__(self):
        self.total = 0

    def bump(self):
        return total + 1


async def main():
    counter = Counter()
    try:
        counter.bump()
    except NameError as e:
        print("caught:", e)
    results = [1, 2, 3]
    await asyncio.sleep(0)
    print(sum(result))  # lint: ok


asyncio.run(main())
