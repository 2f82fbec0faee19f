# A forgotten import: the NameError says "Did you forget to import 'time'?" (its outcome line too)
import asyncio


async def main():
    await asyncio.sleep(0.1)
    return time.time()  # lint: ok


asyncio.run(main())
