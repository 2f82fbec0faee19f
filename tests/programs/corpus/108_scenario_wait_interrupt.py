# The scenario pattern=wait&tasks=4&sleep=500,1500,2500,3500&return_when=FIRST_COMPLETED&interrupt=400 as its program
import asyncio

# seconds each work(i) sleeps
DELAYS = [0.5, 1.5, 2.5, 3.5]


# coroutine to run concurrently
async def work(value):
    await asyncio.sleep(DELAYS[value])
    print(f'>Task {value} done')


# main coroutine
async def main():
    loop = asyncio.get_running_loop()
    # cancel main from outside, like Ctrl-C
    loop.call_later(0.4, asyncio.current_task().cancel)
    # issue coroutines as background tasks
    tasks = [asyncio.create_task(work(i)) for i in range(4)]
    # wait for tasks to complete
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    # report a final message
    print('Done.')


# start the event loop
asyncio.run(main())
