# A KeyboardInterrupt a TaskGroup child raised fails main while asyncio.run's shutdown cancels it: main's _run_until_complete_cb is gone by then, so its exception is never retrieved and is logged at exit (a KeyboardInterrupt main raises itself is retrieved by that callback and not logged)
import asyncio

async def child():
    raise KeyboardInterrupt()

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(child())
        await asyncio.sleep(1)

try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KI escaped")
