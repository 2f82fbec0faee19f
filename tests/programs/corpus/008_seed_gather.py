# Seed article 002, way 4 exactly as written: 20 coroutines passed to asyncio.gather()
# SuperFastPython.com
# example of concurrent coroutines and wait via asyncio.gather()
import asyncio

# coroutine to run concurrently
async def work(value):
    # suspend a moment
    await asyncio.sleep(1)
    # report a message
    print(f'>Task {value} done')

# main coroutine
async def main():
    # create coroutines
    coros = [work(i) for i in range(20)]
    # wait for coroutines to complete
    _ = await asyncio.gather(*coros)
    # report a final message
    print('Done.')

# start the event loop
asyncio.run(main())
