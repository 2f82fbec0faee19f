# A value an f-string cannot format: CPython's traceback marks the whole replacement field,
# braces included, and the same for a __str__ that raises inside one.
import asyncio


class Reading:
    def __str__(self):
        raise ValueError("sensor offline")


async def report(name, value):
    await asyncio.sleep(0.01)
    try:
        print(f"{name}: {value:>6d} units")
    except ValueError as e:
        print("format error:", e)
    print(f"{name} = {Reading()}")


asyncio.run(report("temperature", "21.5"))
