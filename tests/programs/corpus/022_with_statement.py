# with over the program's own classes: __enter__/__exit__ order, the value bound by as, suppressing an exception
import asyncio


class Timer:
    def __init__(self, label):
        self.label = label

    def __enter__(self):
        self.start = asyncio.get_running_loop().time()
        print("enter", self.label)
        return self

    def __exit__(self, exc_type, exc, tb):
        elapsed = asyncio.get_running_loop().time() - self.start
        name = exc_type.__name__ if exc_type is not None else None
        print(f"exit {self.label} after {elapsed:.2f} s, exception: {name}")
        return False


class Suppress:
    def __init__(self, kind):
        self.kind = kind

    def __enter__(self):
        return "ignored value"

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.kind):
            print("suppressed:", exc)
            return True
        return False


async def main():
    with Timer("outer") as t:
        await asyncio.sleep(0.25)
        with Timer("inner"):
            await asyncio.sleep(0.5)
        print("label is", t.label)
    with Suppress(KeyError) as value:
        print("bound:", value)
        {}["missing"]
        print("not reached")
    print("after suppress")
    try:
        with Timer("failing"):
            await asyncio.sleep(0.1)
            raise ValueError("inside with")
    except ValueError as e:
        print("propagated:", e)
    try:
        with Suppress(KeyError):
            raise IndexError("not suppressed")
    except IndexError as e:
        print("IndexError:", e)


asyncio.run(main())
