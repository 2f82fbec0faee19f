# A KeyboardInterrupt raised in a loop callback is not logged like other errors: Handle._run lets it through, so it leaves asyncio.run, which cancels main first (its finally runs)
import asyncio

def stop():
    raise KeyboardInterrupt

async def main():
    asyncio.get_running_loop().call_later(0.2, stop)
    try:
        await asyncio.sleep(1)
    finally:
        print("main finally")

asyncio.run(main())
