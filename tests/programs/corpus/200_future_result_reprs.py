# A finished future's repr shows its result as reprlib.repr does (CPython's base_futures): long lists, strings, dicts and ints are cut with '...', dicts and sets sorted when they can be, and a future whose result is a task shows the task's repr (cut the same way)
import asyncio


class Point:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"Point(x={self.x}, label={'long' * 8})"


async def main():
    loop = asyncio.get_running_loop()
    values = [
        list(range(10)), tuple(range(3)), (1,), {"b": 1, "a": 2, "c": 3, "d": 4, "e": 5},
        {3, 1, 2}, "x" * 50, 10 ** 18, 1.0 / 3, None, True, [[[[[[[1]]]]]]],
        {1: "a", "b": 2}, set(), [], (), {}, "abc", {"k": "v" * 40},
        ValueError("x" * 40), [1, "a", {2}], Point(3), "é" * 40, "it's" * 10,
    ]
    for v in values:
        fut = loop.create_future()
        fut.set_result(v)
        print(fut)
    done = loop.create_future()
    done.set_result(fut)
    print(done)
    me = asyncio.current_task()
    fut = loop.create_future()
    fut.set_result(me)
    print(fut)
    await asyncio.sleep(0)


asyncio.run(main())
