# The scenario pattern=manual&tasks=4&sleep=2000,500,1000,1500&fail=3&cancel=0@1200,2@800 as its program
import asyncio

# seconds each work(i) sleeps
DELAYS = [2, 0.5, 1, 1.5]
# the tasks that fail
FAILING = {3}


# coroutine to run concurrently
async def work(value):
    await asyncio.sleep(DELAYS[value])
    if value in FAILING:
        raise ValueError(f'Task {value} failed')
    print(f'>Task {value} done')


# main coroutine
async def main():
    loop = asyncio.get_running_loop()
    # issue coroutines as background tasks
    tasks = [asyncio.create_task(work(i)) for i in range(4)]
    loop.call_later(1.2, tasks[0].cancel)
    loop.call_later(0.8, tasks[2].cancel)
    # wait for tasks to complete, manually
    for task in tasks:
        await task
    # report a final message
    print('Done.')


# start the event loop
asyncio.run(main())
