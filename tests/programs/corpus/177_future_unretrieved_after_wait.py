# A failed plain future that asyncio.wait reported as done, and that nothing retrieved, is logged as "Future exception was never retrieved" once the program lets go of it (wait's done-callback held it only until it ran)
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(3)]
    loop.call_later(0.1, futs[0].set_exception, ValueError("first, never read"))
    loop.call_later(0.2, futs[1].set_result, "second")
    loop.call_later(0.3, futs[2].set_exception, KeyError("third, read"))
    done, pending = await asyncio.wait(futs)
    print("done:", len(done), "pending:", len(pending))
    print("third raised", repr(futs[2].exception()))
    del done, pending
    print("futures still held by main")
    del futs
    print("main let go of them")
    await asyncio.sleep(0.1)
    # A future whose done-callback's handle has not run yet when the program lets go of it.
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback: done", f.done()))
    fut.set_exception(RuntimeError("dropped before its callback ran"))
    del fut
    print("dropped the future; its callback runs next pass")
    await asyncio.sleep(0)
    print("main ends")


asyncio.run(main())
