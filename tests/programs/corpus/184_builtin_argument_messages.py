# The built-ins' and methods' argument errors in CPython's words: at least or at most so many arguments, strip's argument, a non-iterable given to zip
import asyncio


async def main():
    checks = [lambda: {}.get(), lambda: {}.pop(), lambda: [].index(), lambda: {}.update(1, 2),
              lambda: [].pop(1, 2), lambda: "".strip(1), lambda: " x ".rstrip(None),
              lambda: getattr(1), lambda: getattr(1, "a", 2, 3), lambda: format(),
              lambda: format(1, "", 2), lambda: list(zip([1], 2))]
    for check in checks:
        try:
            print(repr(check()))
        except TypeError as e:
            print("TypeError:", e)
    await asyncio.sleep(0)


asyncio.run(main())
