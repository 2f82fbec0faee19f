# Literals: int forms (1_000, hex, bin, oct), floats and how CPython prints them, strings, escapes, constants
import asyncio


async def show(label, value):
    await asyncio.sleep(0)
    print(label, repr(value))


async def main():
    await show("underscore", 1_000_000)
    await show("hex", 0xFF)
    await show("bin", 0b1011)
    await show("oct", 0o755)
    await show("negative", -42)
    await show("big", 9_223_372_036_854_775_807)
    await show("float", 1e-3)
    await show("sum", 0.1 + 0.2)
    await show("1e16", 1e16)
    await show("small", 1.5e-07)
    await show("tenth", 1 / 10)
    await show("third", 1 / 3)
    await show("big float", 123456789012345678.0)
    await show("inf", float("inf"))
    await show("-inf", -float("inf"))
    await show("nan", float("nan"))
    await show("int as float", 2.0)
    await show("exp", 2.5e3)
    await show("single", 'it\'s')
    await show("double", "say \"hi\"")
    await show("escapes", "tab\there\nnewline \\ backslash")
    await show("unicode", "caf\u00e9 \x41")
    await show("raw", r"C:\new\table")
    await show("concat", "abc" "def" 'ghi')
    triple = """line one
line two"""
    await show("triple", triple)
    await show("triple single", '''a 'quoted' word''')
    await show("constants", (True, False, None))
    await show("empty", ("", [], {}, ()))
    print(len(triple), len("caf\u00e9"))


asyncio.run(main())
