# Seed article 002, way 2 exactly as written: 20 tasks in a TaskGroup, awaited by leaving the block
# SuperFastPython.com
# example of concurrent coroutines as tasks and wait via taskgroup
import asyncio

# coroutine to run concurrently
async def work(value):
    # suspend a moment
    await asyncio.sleep(1)
    # report a message
    print(f'>Task {value} done')

# main coroutine
async def main():
    # create the task group
    async with asyncio.TaskGroup() as group:
        # issue coroutines as background tasks
        tasks = [group.create_task(work(i)) for i in range(20)]
        # wait for tasks to complete...
    # report a final message
    print('Done.')

# start the event loop
asyncio.run(main())
