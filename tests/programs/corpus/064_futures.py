# Futures: create_future, set_result/set_exception, result/exception/done/cancelled, callbacks, InvalidStateError
import asyncio


def on_done(fut):
    if fut.cancelled():
        print("callback: cancelled")
    elif fut.exception() is not None:
        print("callback: exception", repr(fut.exception()))
    else:
        print("callback: result", fut.result())


def never_called(fut):
    print("never printed")


async def resolver(fut, value, delay):
    await asyncio.sleep(delay)
    print("resolving")
    fut.set_result(value)


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(on_done)
    fut.add_done_callback(never_called)
    print("removed:", fut.remove_done_callback(never_called), fut.remove_done_callback(never_called))
    print(fut.done(), fut.cancelled())
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    asyncio.create_task(resolver(fut, 42, 0.5))
    print("awaited:", await fut, fut.done(), fut.result(), fut.exception())
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    bad = loop.create_future()
    bad.add_done_callback(on_done)
    bad.set_exception(ValueError("broken"))
    try:
        await bad
    except ValueError as e:
        print("await raised:", e)
    c = loop.create_future()
    c.add_done_callback(on_done)
    print("cancel:", c.cancel(), c.cancel(), c.cancelled(), c.done())
    try:
        c.result()
    except asyncio.CancelledError:
        print("result() of a cancelled future raises CancelledError")
    await asyncio.sleep(0)
    late = loop.create_future()
    late.set_result("already")
    late.add_done_callback(on_done)
    print("added to a done future")
    await asyncio.sleep(0)
    print(asyncio.isfuture(late), isinstance(late, asyncio.Future))


asyncio.run(main())
