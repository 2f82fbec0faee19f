# try/except* on exception groups: splitting by type, groups from a TaskGroup, nested groups, unmatched rest
import asyncio


async def fail(kind, delay):
    await asyncio.sleep(delay)
    if kind == "value":
        raise ValueError(f"value after {delay}")
    if kind == "type":
        raise TypeError(f"type after {delay}")
    if kind == "key":
        raise KeyError(delay)
    return kind


async def main():
    try:
        raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
    except* ValueError as eg:
        print("values:", repr(eg), [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("types:", eg.message, len(eg.exceptions))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("value", 0.1))
            tg.create_task(fail("type", 0.1))
            tg.create_task(fail("ok", 0.05))
    except* ValueError as eg:
        print("TaskGroup values:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TaskGroup types:", [str(e) for e in eg.exceptions])
    try:
        try:
            raise ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [ValueError("deep"), TypeError("t")])])
        except* ValueError as eg:
            print("deep values:", repr(eg))
    except ExceptionGroup as rest:
        print("rest:", repr(rest), str(rest))
    try:
        raise ValueError("plain")
    except* ValueError as eg:
        print("plain wrapped:", repr(eg), type(eg).__name__)
    eg = ExceptionGroup("msg", [ValueError(1)])
    print(str(eg), eg.message, eg.exceptions, isinstance(eg, Exception))
    beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
    print(type(beg).__name__, str(beg), repr(beg.exceptions[0]))
    beg2 = BaseExceptionGroup("mixed", [ValueError(2)])
    print(type(beg2).__name__)


asyncio.run(main())
