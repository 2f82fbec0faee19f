# Closures, nonlocal and global: counters made by factories, shared by coroutines, late binding in loops
import asyncio

total_calls = 0


def make_counter(start):
    count = start

    def increment(step=1):
        nonlocal count
        global total_calls
        count += step
        total_calls += 1
        return count

    return increment


def make_async_logger(prefix):
    lines = []

    async def log(msg, delay):
        await asyncio.sleep(delay)
        lines.append(f"{prefix}:{msg}")
        return len(lines)

    def history():
        return list(lines)

    return log, history


async def main():
    c1 = make_counter(0)
    c2 = make_counter(100)
    print(c1(), c1(), c2(5), c1(10), c2())
    print("total_calls", total_calls)
    log, history = make_async_logger("L")
    counts = await asyncio.gather(log("b", 0.2), log("a", 0.1), log("c", 0.3))
    print(counts, history())
    late = [lambda: i for i in range(3)]
    bound = [lambda i=i: i for i in range(3)]
    print([f() for f in late], [f() for f in bound])

    def outer():
        x = "outer"

        def inner():
            return x

        x = "changed"
        return inner()

    print(outer())


asyncio.run(main())
