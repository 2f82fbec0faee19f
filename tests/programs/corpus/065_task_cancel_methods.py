# Task cancellation API: cancel(msg=), cancelled(), cancelling(), uncancel(), result()/exception() of a cancelled task
import asyncio


async def stubborn():
    for attempt in range(3):
        try:
            await asyncio.sleep(1)
            print("stubborn finished normally")
            return "ok"
        except asyncio.CancelledError as e:
            me = asyncio.current_task()
            print(f"cancel #{attempt} msg={e.args} cancelling={me.cancelling()}")
            left = me.uncancel()
            print("uncancel ->", left)
    return "survived"


async def plain():
    await asyncio.sleep(5)


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    print("cancel() returns", t.cancel(msg="first"))
    await asyncio.sleep(0.1)
    t.cancel("second")
    t.cancel("again")
    print("cancelling now:", t.cancelling())
    print(await t, t.cancelled(), t.cancelling())
    p = asyncio.create_task(plain())
    await asyncio.sleep(0)
    p.cancel(msg="stop it")
    try:
        await p
    except asyncio.CancelledError as e:
        print("awaiting it raised CancelledError", e.args)
    print(p.cancelled(), p.done(), p.cancel())
    try:
        p.result()
    except asyncio.CancelledError as e:
        print("result() raised CancelledError", e.args)
    try:
        p.exception()
    except asyncio.CancelledError:
        print("exception() raised CancelledError")
    early = asyncio.create_task(plain())
    early.cancel()
    await asyncio.sleep(0)
    print("cancelled before it ever ran:", early.cancelled())


asyncio.run(main())
