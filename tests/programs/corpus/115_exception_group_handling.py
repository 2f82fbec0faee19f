# Working with exception groups by hand: subgroup-free filtering with except*, re-raising the rest, nested groups
import asyncio


class RetryableError(Exception):
    pass


async def call(i):
    await asyncio.sleep(0.01 * i)
    if i % 3 == 0:
        raise RetryableError(f"call {i}")
    if i % 3 == 1:
        raise ValueError(f"call {i}")
    return i


async def batch(ids):
    async with asyncio.TaskGroup() as tg:
        for i in ids:
            tg.create_task(call(i))


async def main():
    for ids in ([2, 5], [0, 2], [0, 1, 2], [1, 4]):
        try:
            try:
                await batch(ids)
                print(ids, "all ok")
            except* RetryableError as eg:
                print(ids, "retryable:", [str(e) for e in eg.exceptions])
        except* ValueError as eg:
            print(ids, "fatal:", [str(e) for e in eg.exceptions])
    try:
        raise ExceptionGroup("two levels", [ExceptionGroup("level two", [RetryableError("deep")]), ValueError("top")])
    except* RetryableError as eg:
        print("matched through the levels:", repr(eg))
    except* ValueError as eg:
        print("and the other:", repr(eg))


asyncio.run(main())
