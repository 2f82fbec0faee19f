# The scenario pattern=gather&tasks=3&sleep=3000,1000,2000&fail=1 as its program: the failure reaches main at 1 s
import asyncio

# seconds each work(i) sleeps
DELAYS = [3, 1, 2]
# the tasks that fail
FAILING = {1}


# coroutine to run concurrently
async def work(value):
    await asyncio.sleep(DELAYS[value])
    if value in FAILING:
        raise ValueError(f'Task {value} failed')
    print(f'>Task {value} done')
    return value


# main coroutine
async def main():
    # run the coroutines concurrently, collecting their results in order
    results = await asyncio.gather(*[work(i) for i in range(3)])
    # report a final message
    print('Done.')


# start the event loop
asyncio.run(main())
