# Seed article 001: one task per URL, each opening its own session, then gather; aiohttp simulated
import asyncio


class FakeResponse:
    def __init__(self, url, delay):
        self.url = url
        self.delay = delay

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return False

    async def text(self):
        await asyncio.sleep(self.delay)
        return f"<html><title>{self.url}</title></html>"


class FakeSession:
    delays = {"https://www.example.com": 0.3, "https://www.google.com": 0.1,
              "https://www.github.com": 0.2}

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        return False

    def get(self, url):
        return FakeResponse(url, self.delays[url])


async def fetch_url(url):
    async with FakeSession() as session:
        async with session.get(url) as response:
            return await response.text()

async def main():
    urls = [
        "https://www.example.com",
        "https://www.google.com",
        "https://www.github.com"
    ]

    tasks = []
    for url in urls:
        tasks.append(asyncio.create_task(fetch_url(url)))

    results = await asyncio.gather(*tasks)
    for result in results:
        print(result)

asyncio.run(main())
