# main cancelled with a message while awaiting a gather: the gather's children are cancelled, the message survives
import asyncio


async def step(i):
    try:
        await asyncio.sleep(i)
        print(f"step {i} finished")
    except asyncio.CancelledError:
        print(f"step {i} cancelled")
        raise


async def main():
    me = asyncio.current_task()
    asyncio.get_running_loop().call_later(2.5, me.cancel, "user pressed stop")
    await asyncio.gather(*(step(i) for i in range(1, 5)))


asyncio.run(main())
