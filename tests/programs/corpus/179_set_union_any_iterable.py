# set.union given a list, a dict, a range, several sets or the set itself iterates in CPython's order: each kind of argument takes its own path through CPython's set table
import asyncio


def show(label, s):
    print(f"{label:22} {s}")


async def main():
    base = {5, 6, 9, 20, 33, 64, 97}
    for x in (6, 33):
        base.discard(x)
    show("base after discards", base)
    show("union(list)", base.union([100, 0, 41]))
    show("union(dict)", base.union({100: "a", 8: "b", 72: "c"}))
    show("union(set, range)", base.union({256, 1}, range(40, 44)))
    show("union(itself)", base.union(base))
    show("union(tuple, list)", base.union((7, 71), [135, 7]))
    show("base | {1, 65}", base | {1, 65})
    show("base & {97, 5, 200}", base & {97, 5, 200})
    show("base - {9}", base - {9})
    await asyncio.sleep(0)


asyncio.run(main())
