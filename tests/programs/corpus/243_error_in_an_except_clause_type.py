# An error while matching an except clause (a misspelt exception name, a tuple
# holding something that is not an exception class) leaves the clause: the
# exception being matched is no longer handled, so a later exception has no
# __context__ and the uncaught traceback shows no "During handling" part for it.
import asyncio


async def fetch(key):
    await asyncio.sleep(0.1)
    return {"a": 1}[key]


async def main():
    try:
        try:
            await fetch("b")
        except KeyEror:
            print("never")
    except NameError as e:
        print("NameError:", e, "| context:", repr(e.__context__))
    try:
        try:
            1 / 0
        except (ZeroDivisionError, 5):
            pass
    except TypeError as e:
        print("TypeError:", e, "| context:", repr(e.__context__))
    try:
        raise ValueError("later")
    except ValueError as e:
        print("context:", repr(e.__context__))
    try:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fetch("c"))
        except* KeyEror:
            print("never")
    except NameError as e:
        print("NameError:", e, "| context:", type(e.__context__).__name__)
    try:
        raise ValueError("after except*")
    except ValueError as e:
        print("context:", repr(e.__context__))
    for key in ["a", "b"]:
        try:
            print(await fetch(key))
        except LookupErr:
            pass
        except KeyError:
            print("unreached: the first clause raised")


asyncio.run(main())
