# Annotations are evaluated when a function is defined: `X | None` unions and generic aliases
# (`list[int]`, `asyncio.Queue[int]`) are objects with CPython's reprs, `isinstance` takes a
# union, and what cannot be subscripted or joined raises CPython's TypeError.
import asyncio


class Job:
    pass


maybe: int | None = None


async def fetch(url: str, timeout: float | None = None) -> dict[str, int] | None:
    return {"n": len(url)}


async def producer(q: asyncio.Queue[int], items: list[int]) -> None:
    for i in items:
        await q.put(i)


def attempt(label, f):
    try:
        print(label, f())
    except TypeError as e:
        print(label, "TypeError:", e)


async def main() -> None:
    q: asyncio.Queue[int] = asyncio.Queue()
    await producer(q, [1, 2])
    print(q.qsize(), await fetch("abc"))
    print(list[int], dict[str, int], tuple[int, ...], list[Job], type[int], list[int | None])
    print(int | None, None | int, list[int] | None, int | int, int | None | int, set[Job] | Job)
    print(asyncio.Queue[int], asyncio.PriorityQueue[tuple[int, str]], asyncio.Task[int], asyncio.Future[str])
    print(type(list[int]), type(int | None), type(list[int]).__name__)
    print(isinstance(3, int | float), isinstance(None, int | None), isinstance("x", int | float))
    print(issubclass(bool, int | str), int | None == None | int, list[int] == list[str])
    attempt("int[str]", lambda: int[str])
    attempt("Job[int]", lambda: Job[int])
    attempt("asyncio.Lock[int]", lambda: asyncio.Lock[int])
    attempt("int | 3", lambda: int | 3)
    attempt("3 | int", lambda: 3 | int)
    attempt("None | None", lambda: None | None)
    attempt("list[int] | 3", lambda: list[int] | 3)
    attempt("isinstance(3, list[int])", lambda: isinstance(3, list[int]))
    attempt("isinstance([], list[int] | None)", lambda: isinstance([], list[int] | None))


asyncio.run(main())
