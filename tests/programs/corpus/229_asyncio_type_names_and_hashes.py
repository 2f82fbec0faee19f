# Messages that name a type by its __name__ (asyncio.wait and as_completed given a task or a
# future), and the one string hash CPython fixes: hash("") is 0 in every run.
import asyncio


async def w():
    return 1


async def main():
    t = asyncio.create_task(w())
    f = asyncio.get_running_loop().create_future()
    for label, call in [("wait(task)", lambda: asyncio.wait(t)), ("wait(future)", lambda: asyncio.wait(f))]:
        try:
            await call()
        except TypeError as e:
            print(label, e)
    try:
        for _ in asyncio.as_completed(t):
            pass
    except TypeError as e:
        print("as_completed(task)", e)
    await t
    print(hash(""), hash("") == hash(str()), {"": 1}[""])


asyncio.run(main())
