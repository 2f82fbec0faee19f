# shield: cancelling the awaiter (or a timeout) leaves the shielded work running; cancelling it directly still works
import asyncio


async def save_to_disk(name, delay):
    print(f"saving {name}...")
    await asyncio.sleep(delay)
    print(f"{name} saved")
    return f"{name}.dat"


async def request_handler():
    inner = asyncio.create_task(save_to_disk("report", 1.0))
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("handler cancelled, save goes on:", not inner.done())
        raise


async def main():
    handler = asyncio.create_task(request_handler())
    await asyncio.sleep(0.3)
    handler.cancel()
    try:
        await handler
    except asyncio.CancelledError:
        print("handler state:", handler.cancelled())
    await asyncio.sleep(1)
    try:
        print(await asyncio.wait_for(asyncio.shield(save_to_disk("log", 0.5)), timeout=0.2))
    except TimeoutError:
        print("timed out waiting, but the log keeps saving")
    await asyncio.sleep(0.5)
    inner = asyncio.create_task(save_to_disk("temp", 1))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.1)
    inner.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("inner cancelled directly: outer cancelled too:", outer.cancelled())


asyncio.run(main())
