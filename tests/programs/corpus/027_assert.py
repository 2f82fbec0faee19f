# assert with and without a message, caught AssertionError, and an assert that escapes at the end (traceback)
import asyncio


async def check_balance(balance):
    await asyncio.sleep(0.1)
    assert balance >= 0, f"balance went negative: {balance}"
    return balance


async def main():
    print(await check_balance(10))
    try:
        await check_balance(-5)
    except AssertionError as e:
        print("AssertionError:", e, e.args)
    try:
        assert 1 + 1 == 3
    except AssertionError as e:
        print("no message:", repr(e), e.args)
    values = [3, 2, 1]
    assert sorted(values) == [1, 2, 3], "sorting is broken"
    print("sorted ok")
    await check_balance(-1)
    print("not reached")


asyncio.run(main())
