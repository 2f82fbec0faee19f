# The scenario pattern=taskgroup&tasks=5&fail=2&cancel=1@500&linger=1000 as its program
import asyncio

# the tasks that fail
FAILING = {2}


# coroutine to run concurrently
async def work(value):
    await asyncio.sleep(1)
    if value in FAILING:
        raise ValueError(f'Task {value} failed')
    print(f'>Task {value} done')


# main coroutine
async def main():
    loop = asyncio.get_running_loop()
    try:
        # create the task group
        async with asyncio.TaskGroup() as group:
            # issue coroutines as background tasks
            tasks = [group.create_task(work(i)) for i in range(5)]
            loop.call_later(0.5, tasks[1].cancel)
            # the group waits here for every task
    except Exception as e:
        print(f'Caught {type(e).__name__}: {e}')
        # let the other tasks go on for a while
        await asyncio.sleep(1)
    # report a final message
    print('Done.')


# start the event loop
asyncio.run(main())
