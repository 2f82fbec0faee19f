# Seed article 000, example 3: tasks fetching URLs through a shared session, aiohttp simulated with asyncio.sleep
import asyncio

PAGES = {
    "https://www.example.com": "<html>example</html>",
    "https://www.python.org": "<html>" + "python " * 40 + "</html>",
    "https://docs.python.org/3/library/asyncio.html": "<html>" + "asyncio " * 25 + "</html>",
}


class Response:
    """Stands in for aiohttp's response: text() takes a while, like reading the body."""

    def __init__(self, url):
        self.url = url

    async def __aenter__(self):
        await asyncio.sleep(0.05)  # headers arrive
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return False

    async def text(self):
        await asyncio.sleep(len(self.url) / 100)  # the body takes longer for longer URLs
        return PAGES[self.url]


class ClientSession:
    """Stands in for aiohttp.ClientSession."""

    async def __aenter__(self):
        print("session opened")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("session closed")
        return False

    def get(self, url):
        return Response(url)


async def fetch(session, url):
    async with session.get(url) as response:
        return await response.text()

async def main():
    urls = [
        "https://www.example.com",
        "https://www.python.org",
        "https://docs.python.org/3/library/asyncio.html",
    ]

    async with ClientSession() as session:
        tasks = [asyncio.create_task(fetch(session, url)) for url in urls]

        results = await asyncio.gather(*tasks)

        for url, result in zip(urls, results):
            print(f"Downloaded {len(result)} bytes from {url}")

asyncio.run(main())
