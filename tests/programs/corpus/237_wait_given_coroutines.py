# Another classic: coroutines passed to asyncio.wait (forbidden since 3.11). wait's frame holds them while
# its TypeError lives, so they warn after the traceback, once (<sys>:0), as CPython's exit prints it.
import asyncio

async def job(n):
    await asyncio.sleep(0.1)
    return n

async def main():
    done, pending = await asyncio.wait([job(1), job(2)])
    print(done)

asyncio.run(main())
