# A for loop over something that is not iterable, its iterable written on the next line: CPython locates the error at the iterable (GET_ITER), not at the for
import asyncio

async def main():
    for x in (
        5
    ):
        pass

asyncio.run(main())
