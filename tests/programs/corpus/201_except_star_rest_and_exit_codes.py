# What except* passes on is a group split off the original, whose __suppress_context__ is set (PyException_SetCause): no 'During handling' block for it, even from a TaskGroup; SystemExit.code and StopIteration.value come from the arguments
import asyncio

try:
    try:
        raise ExceptionGroup("g", [ValueError("v")])
    except* TypeError:
        pass
except ExceptionGroup as eg:
    print("rest:", repr(eg), eg.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ExceptionGroup("g", [ValueError("v"), KeyError("k")])
except* KeyError as matched:
    print("matched:", repr(matched), matched.__suppress_context__, type(matched.__context__).__name__)
except* ValueError as other:
    print("other:", repr(other), other.__suppress_context__)

for args in [(), (3,), ("bye",), (1, 2)]:
    try:
        raise SystemExit(*args)
    except SystemExit as e:
        print("exit code", repr(e.code), e.args)
for args in [(), (5,), (1, 2)]:
    try:
        raise StopIteration(*args)
    except StopIteration as e:
        print("stop value", repr(e.value), e.args)


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            raise TypeError("t")
    except* ValueError:
        pass

asyncio.run(main())
