# Gallery, one API at a time: a Lock lets one task at a time into its block.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def print_pages(printer, user, pages):
    print(f"{now()} {user} sends {pages} pages, printer busy: {printer.locked()}")
    async with printer:
        print(f"{now()} {user}'s pages are printing")
        await asyncio.sleep(pages * 0.5)
    print(f"{now()} {user} collects {pages} pages")


async def main():
    printer = asyncio.Lock()
    await asyncio.gather(
        print_pages(printer, "Ann", 3),
        print_pages(printer, "Bob", 2),
        print_pages(printer, "Cat", 4),
    )


asyncio.run(main())
