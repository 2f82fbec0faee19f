# Gallery, misconception: a CancelledError caught and not re-raised makes cancel() fail.
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError:
        print("stubborn: cancelled? I carry on")  # the bug: no raise
    await asyncio.sleep(1.5)
    print("stubborn: finished anyway")
    return "stubborn's result"


async def polite():
    try:
        await asyncio.sleep(3)
    except asyncio.CancelledError:
        print("polite: cleaning up, then stopping")
        raise  # the fix: let the cancellation go on


async def main():
    tasks = [asyncio.create_task(stubborn()), asyncio.create_task(polite())]
    await asyncio.sleep(1)
    for task in tasks:
        task.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print(f"results: {results}")
    print(f"cancelled: {[task.cancelled() for task in tasks]}")


asyncio.run(main())
