# Gallery, one API at a time: loop.call_later runs a plain function later (a callback).
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


def ring(message):
    print(f"{now()} {message}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_later(2.0, ring, "alarm set for 2 s")
    loop.call_later(0.5, ring, "reminder set for 0.5 s")
    snoozed = loop.call_later(1.0, ring, "you never see this one")
    loop.call_soon(ring, "call_soon: as soon as main awaits")
    snoozed.cancel()
    print(f"{now()} main set three timers and cancelled one; now it sleeps")
    await asyncio.sleep(2.5)
    print(f"{now()} main wakes up")


asyncio.run(main())
