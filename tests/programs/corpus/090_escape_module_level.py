# An exception at module level before asyncio.run is ever called: main is null, the traceback is <module> only
import asyncio

LIMITS = {"cpu": 2, "memory": 512}


async def main():
    print("never runs")


def check(name):
    return LIMITS[name]


print("cpu limit", check("cpu"))
print("disk limit", check("disk"))
asyncio.run(main())
