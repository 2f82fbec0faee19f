# An exception in a loop callback is logged by the loop (stderr) and the program goes on; done-callbacks run one pass later
import asyncio


def explode():
    print("callback raising")
    raise ZeroDivisionError("callback failed")


def report(task):
    print(f"done-callback for {task.get_name()}: {task.result()} at {asyncio.get_running_loop().time()}")


async def quick():
    await asyncio.sleep(0.1)
    print("quick returns")
    return 7


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(explode)
    t = asyncio.create_task(quick(), name="quick")
    t.add_done_callback(report)
    await asyncio.sleep(0.05)
    print("main still running")
    print("awaited:", await t)
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
