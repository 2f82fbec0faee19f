# Keyword arguments to the methods of built-in types: most take none (`xs.pop(index=0)` is a
# TypeError, not the last item popped); sort, split, replace, splitlines, format and update do.
import asyncio


async def main():
    xs = [3, 1, 2]
    for call in [
        lambda: xs.pop(index=0),
        lambda: "a".center(5, fillchar="*"),
        lambda: " a ".strip(chars=" "),
        lambda: ",".join(iterable=["a"]),
        lambda: {}.get(key=1),
        lambda: list.pop(xs, index=0),
        lambda: {1}.add(elem=2),
    ]:
        try:
            print(call())
        except TypeError as e:
            print("TypeError:", e)
    xs.sort(key=lambda v: -v, reverse=True)
    print(xs, "a b c".split(maxsplit=1), "a-b".replace("-", "+", count=1))
    d = {}
    d.update(a=1)
    print(d, "{x}".format(x=1), "a\nb".splitlines(keepends=True))


asyncio.run(main())
