# The interpreter's own error messages: NameError, ZeroDivisionError, TypeError, KeyError, IndexError, ValueError, AttributeError, UnboundLocalError
import asyncio


class Robot:
    def __init__(self):
        self.position = 0


def unbound():
    print(count)  # lint: ok
    count = 1


def not_implemented():
    raise NotImplementedError("later")


def runtime():
    raise RuntimeError("boom")


async def attempt(label, fn):
    await asyncio.sleep(0.01)
    try:
        fn()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")


async def main():
    await attempt("name", lambda: undefined_name)  # lint: ok
    await attempt("int div", lambda: 1 / 0)
    await attempt("floor div", lambda: 5 // 0)
    await attempt("modulo", lambda: 5 % 0)
    await attempt("float div", lambda: 1.0 / 0)
    await attempt("float floor", lambda: 2.5 // 0.0)
    await attempt("add", lambda: 1 + "a")
    await attempt("radd", lambda: "a" + 1)
    await attempt("mul", lambda: [1] * "x")
    await attempt("sub", lambda: "x" - 1)
    await attempt("compare", lambda: 1 < "a")
    five, nothing = 5, None
    await attempt("call", lambda: five())
    await attempt("subscript", lambda: nothing[0])
    await attempt("len", lambda: len(5))
    await attempt("iter", lambda: list(7))
    await attempt("unhashable", lambda: {[1]: 2})
    await attempt("key", lambda: {"a": 1}["k"])
    await attempt("int key", lambda: {}[42])
    await attempt("tuple key", lambda: {}[(1, "x")])
    await attempt("index", lambda: [1, 2][5])
    await attempt("tuple index", lambda: (1,)[3])
    await attempt("str index", lambda: "abc"[10])
    await attempt("int()", lambda: int("x3"))
    await attempt("float()", lambda: float("x3"))
    await attempt("unpack", lambda: [a for a, b in [(1, 2, 3)]])
    await attempt("attr int", lambda: (5).foo)  # lint: ok
    await attempt("attr str", lambda: "s".push)  # lint: ok
    await attempt("attr own", lambda: Robot().speed)  # lint: ok
    await attempt("attr none", lambda: None.value)  # lint: ok
    await attempt("attr list", lambda: [].add)  # lint: ok
    await attempt("unbound", unbound)
    await attempt("not implemented", not_implemented)
    await attempt("runtime", runtime)
    try:
        raise NotImplementedError
    except NotImplementedError as e:
        print("NotImplementedError:", repr(e), str(e) == "")
    try:
        next(iter(()))
    except StopIteration as e:
        print("StopIteration:", repr(e))
    try:
        raise TimeoutError("too slow")
    except TimeoutError as e:
        print("TimeoutError:", e, isinstance(e, Exception))
    try:
        1 / 0
    except ArithmeticError as e:
        print("as ArithmeticError:", type(e).__name__)
    try:
        [][0]
    except LookupError as e:
        print("as LookupError:", type(e).__name__)
    try:
        unbound()
    except NameError as e:
        print("as NameError:", type(e).__name__, isinstance(e, UnboundLocalError))


asyncio.run(main())
