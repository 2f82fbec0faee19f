# async for over the program's own classes: __aiter__/__anext__, StopAsyncIteration, two iterators interleaving
import asyncio


class Ticker:
    def __init__(self, name, count, interval):
        self.name = name
        self.count = count
        self.interval = interval
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.count:
            raise StopAsyncIteration
        await asyncio.sleep(self.interval)
        self.i += 1
        return f"{self.name}{self.i}"


class Paginator:
    def __init__(self, pages):
        self.pages = pages

    def __aiter__(self):
        return PageIterator(self.pages)


class PageIterator:
    def __init__(self, pages):
        self.pages = list(pages)

    async def __anext__(self):
        if not self.pages:
            raise StopAsyncIteration
        await asyncio.sleep(0.05)
        return self.pages.pop(0)


async def consume(name, ticker):
    seen = []
    async for tick in ticker:
        print(f"{name} got {tick}")
        seen.append(tick)
    return seen


async def main():
    a, b = await asyncio.gather(consume("A", Ticker("a", 3, 0.3)), consume("B", Ticker("b", 2, 0.4)))
    print(a, b)
    total = 0
    async for page in Paginator([[1, 2], [3], [4, 5, 6]]):
        total += sum(page)
        print("page", page)
        if total > 5:
            break
    else:
        print("all pages read")
    print("total", total)
    async for item in Ticker("empty", 0, 1):
        print("never", item)
    else:
        print("empty ticker")


asyncio.run(main())
