# The future a task sleeps on, as repr(task) shows it: pending, finished (its timer fired, the
# task steps next pass) with the sleep's result, cancelled (with the cancel's message, which a
# second cancel does not replace), and a cancel asked for before the task first ran.
import asyncio


async def sleeper(delay, result=None):
    got = await asyncio.sleep(delay, result)
    return got


async def main():
    a = asyncio.create_task(sleeper(1))
    b = asyncio.create_task(sleeper(1, "res"))
    c = asyncio.create_task(sleeper(1))
    d = asyncio.create_task(sleeper(2))
    await asyncio.sleep(0)
    print(repr(a))
    print(repr(b))

    def peek():
        # a's and b's timers fired first in this pass: their tasks step in the next one.
        print("peek", repr(a))
        print("peek", repr(b))
        d.cancel("why")
        d.cancel("again")
        print("peek", repr(d))
        # c's timer has fired too; a cancel now is delivered at its next step.
        print("cancel c:", c.cancel("late"))

    asyncio.get_running_loop().call_later(1, peek)
    print(await a, await b)
    for t in (c, d):
        try:
            await t
        except asyncio.CancelledError as e:
            print(t.get_name(), "cancelled", e.args)
    e = asyncio.create_task(sleeper(5))
    e.cancel("early")
    await asyncio.sleep(0)
    print(repr(e))
    f = asyncio.create_task(sleeper(5))
    await asyncio.sleep(0)
    f.cancel()
    f.uncancel()
    print(repr(f), f.cancelling())
    try:
        await f
    except asyncio.CancelledError:
        print("f cancelled", f.cancelling())

    async def self_cancel():
        asyncio.current_task().cancel("mine")
        try:
            await asyncio.sleep(3)
        except asyncio.CancelledError as e:
            print("self", e.args, asyncio.get_running_loop().time())
        return await asyncio.sleep(0.5, "after")

    print(await asyncio.create_task(self_cancel()))


asyncio.run(main())
