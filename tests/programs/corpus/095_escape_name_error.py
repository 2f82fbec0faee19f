# A NameError escapes from a typo (CPython's printed traceback adds "Did you mean", its format_exception_only does not)
import asyncio


async def compute(values):
    total = sum(values)
    await asyncio.sleep(0.1)
    return totl / len(values)  # lint: ok


async def main():
    print(await compute([1, 2, 3]))


asyncio.run(main())
