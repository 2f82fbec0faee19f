# as_completed with a plain for loop: awaitables in completion order, each awaited to get its result or exception
import asyncio


async def download(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionAbortedErrorLike(name)
    return f"{name} ({delay} s)"


class ConnectionAbortedErrorLike(Exception):
    pass


async def main():
    aws = [download("big", 0.5), download("small", 0.1), download("broken", 0.3, fail=True), download("medium", 0.3)]
    for i, next_done in enumerate(asyncio.as_completed(aws)):
        try:
            result = await next_done
            print(i, "finished:", result, asyncio.get_running_loop().time())
        except ConnectionAbortedErrorLike as e:
            print(i, "failed:", repr(e))
    print("all done")


asyncio.run(main())
