# An iterator's __next__ and __iter__ are next(it) and the iterator itself; a dict view's attributes
# the playground lacks are refused (tests/refusals.rs).
import asyncio
async def main():
    it = iter([1, 2])
    print(hasattr(it, "__next__"), hasattr(it, "__iter__"), it.__iter__() is it)
    print(it.__next__(), next(it))
    try:
        it.__next__()
    except StopIteration:
        print("done")
    e = enumerate("ab")
    print(e.__next__(), list(zip([1], [2])), iter(range(3)).__next__())
    d = {"a": 1}
    print(iter(d).__next__(), iter(d.items()).__next__())
asyncio.run(main())
