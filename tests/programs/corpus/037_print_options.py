# print with sep, end and flush, several arguments, empty print, lines built over several prints, last line without newline
import asyncio


async def progress(n):
    print("progress:", end=" ")
    for i in range(n):
        await asyncio.sleep(0.1)
        print(i, end="", flush=True)
    print()


async def main():
    print("a", "b", "c")
    print("a", "b", "c", sep="-")
    print("x", 1, 2.5, None, True, sep="", end="!\n")
    print()
    print("multi\nline\nvalue")
    await progress(4)
    print("no newline yet...", end="")
    await asyncio.sleep(0.5)
    print(" done")
    print(*[1, 2, 3], sep=", ")
    print("tab\tseparated", "end", sep="|", end="\n\n")
    print("final line without newline", end="")


asyncio.run(main())
