# str.format with fields nested in a format spec, as tutorials print tables: the nested fields are numbered after their own field, and the wrong ones fail as CPython's do
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    return name, delay * 1000


async def main():
    rows = await asyncio.gather(fetch("index", 0.3), fetch("about-us", 0.1), fetch("contact", 0.2))
    width = max(len(name) for name, _ in rows)
    print("{:<{}} | {:>{}}".format("page", width, "ms", 6))
    for name, ms in rows:
        print("{:<{}} | {:>{}.{}f}".format(name, width, ms, 6, 1))
    print("{0:^{1}}|{2:{3}}|".format("mid", 9, 7, 4))
    print("{name:>{w}}!".format(name="right", w=8))
    for fmt, args in [("{:{}.{}f}", (3.14159, 8, 2)), ("{0:{}}", (1, 2)), ("{:{1}}", (1, 2)),
                      ("{0:{1:{2}}}", (1, 2, 3)), ("{!x}", (1,)), ("{!rr}", (1,)), ("{", ())]:
        try:
            print(repr(fmt.format(*args)))
        except ValueError as e:
            print("ValueError:", e)


asyncio.run(main())
