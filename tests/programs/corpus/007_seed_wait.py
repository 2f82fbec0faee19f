# Seed article 002, way 3 exactly as written: 20 tasks, then asyncio.wait() for all of them
# SuperFastPython.com
# example of concurrent coroutines as tasks and asyncio.wait()
import asyncio

# coroutine to run concurrently
async def work(value):
    # suspend a moment
    await asyncio.sleep(1)
    # report a message
    print(f'>Task {value} done')

# main coroutine
async def main():
    # issue coroutines as background tasks
    tasks = [asyncio.create_task(work(i)) for i in range(20)]
    # wait for tasks to complete
    _ = await asyncio.wait(tasks)
    # report a final message
    print('Done.')

# start the event loop
asyncio.run(main())
