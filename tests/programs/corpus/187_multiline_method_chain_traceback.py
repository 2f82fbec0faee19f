# An error in a method called on a continuation line of a chained expression: CPython 3.12+ locates it at the method's name, on its own line, in the traceback
import asyncio

async def main():
    s = "a,b"
    n = (s
         .split(",")
         .index("z"))

asyncio.run(main())
