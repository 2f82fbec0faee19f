# A task's end is when it completes; its done-callbacks and its awaiter run a pass later (here 1 s later: time.sleep)
import asyncio
import time


async def quick(label):
    print(f"{label} returns at {asyncio.get_running_loop().time()}")
    return label


def blocker():
    print("blocker sleeps 1 s in the same pass")
    time.sleep(1)


def callback(task):
    print(f"done-callback of {task.get_name()} runs at {asyncio.get_running_loop().time()}")


async def main():
    loop = asyncio.get_running_loop()
    t = loop.create_task(quick("loop task"), name="via-loop")
    t.add_done_callback(callback)
    loop.call_soon(blocker)
    result = await t
    print(f"main resumes with {result!r} at {loop.time()}")
    t2 = loop.create_task(quick("second"))
    print(t2.get_name(), t.get_name())
    await t2


asyncio.run(main())
