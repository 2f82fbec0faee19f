# CPython's wording and protocols met in ordinary code: too many positional arguments beside
# keyword-only ones, ExceptionGroup's message type, str() of an object whose __repr__ returns a
# non-string, asyncio.wait given something that is not a future, super() inside a comprehension
# in a method, and __exit__ receiving the traceback.
import asyncio


def f(x, *, k):
    pass


def g(x, y=2, *, k, j=0):
    pass


class Bad:
    def __repr__(self):
        return 42


class A:
    def scale(self, x):
        return x * 10


class B(A):
    def scaled(self):
        return [super().scale(i) for i in range(3)]


class Res:
    def __enter__(self):
        return self

    def __exit__(self, et, ev, tb):
        print("exit:", et.__name__, tb is None)
        return True


async def main():
    for call in [
        lambda: f(1, 2, k=1),
        lambda: g(1, 2, 3, k=1, j=2),
        lambda: ExceptionGroup(1, [ValueError()]),
        lambda: str(Bad()),
    ]:
        try:
            call()
        except TypeError as e:
            print("TypeError:", e)
    try:
        await asyncio.wait([1])
    except AttributeError as e:
        print("AttributeError:", e)
    print(B().scaled())
    with Res():
        raise ValueError("inside")
    print("after with")


asyncio.run(main())
