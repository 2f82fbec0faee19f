# try/except forms: except T, (A, B) as e, bare except, else, finally, bare raise, return inside finally paths
import asyncio


async def risky(kind):
    await asyncio.sleep(0.01)
    if kind == "key":
        return {}["nope"]
    if kind == "index":
        return [][3]
    if kind == "zero":
        return 1 / 0
    if kind == "type":
        return 1 + "a"
    if kind == "value":
        return int("x3")
    return "fine"


async def attempt(kind):
    try:
        result = await risky(kind)
    except (KeyError, IndexError) as e:
        print(f"{kind}: lookup problem {type(e).__name__}: {e}")
    except ZeroDivisionError:
        print(f"{kind}: division")
    except:
        print(f"{kind}: something else")
        return "bare"
    else:
        print(f"{kind}: no error, got {result}")
        return result
    finally:
        print(f"{kind}: finally")
    return "handled"


def early_exit():
    try:
        return "from try"
    finally:
        print("finally runs before the return completes")


async def reraise():
    try:
        await risky("value")
    except ValueError:
        print("logging and re-raising")
        raise


async def main():
    for kind in ["ok", "key", "index", "zero", "type", "value"]:
        print("->", await attempt(kind))
    print(early_exit())
    try:
        await reraise()
    except ValueError as e:
        print("outer got:", e)
    try:
        try:
            raise KeyError("first")
        finally:
            print("inner finally")
    except LookupError as e:
        print("LookupError caught:", repr(e))
    try:
        pass
    finally:
        print("finally without except")


asyncio.run(main())
