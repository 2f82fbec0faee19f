# except*: a bare raise (or a part raised unchanged) re-raises that part of the original group;
# an exception the handler raises itself, even one of the group's leaves, is new (CPython decides
# by the exception's traceback, cause and context, not by its leaves).
import asyncio


async def fetch(n):
    await asyncio.sleep(0.1)
    raise ValueError(f"fetch {n} failed")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch(1))
    except* ValueError as eg:
        raise eg.exceptions[0]


def groups():
    try:
        try:
            raise ExceptionGroup("g", [ValueError("v")])
        except* ValueError as eg:
            raise ExceptionGroup("new", [eg])
    except ExceptionGroup as e:
        print(repr(e))
    try:
        try:
            raise ExceptionGroup("g", [ValueError("v"), TypeError("t")])
        except* ValueError as eg:
            raise eg
        except* TypeError:
            raise
    except ExceptionGroup as e:
        print(repr(e))
    try:
        try:
            raise ExceptionGroup("g", [ValueError("v"), TypeError("t"), KeyError(1)])
        except* ValueError:
            raise
        except* TypeError as eg:
            eg.add_note("seen")
            raise
    except ExceptionGroup as e:
        print(repr(e))
    try:
        try:
            raise ExceptionGroup("g", [ValueError("v")])
        except* ValueError as eg:
            raise RuntimeError("new") from eg
    except Exception as e:
        print(repr(e), repr(e.__cause__))


groups()
asyncio.run(main())
