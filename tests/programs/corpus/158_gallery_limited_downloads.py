# Gallery, recipe: download many files, at most three at a time, with a Semaphore.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def download(limit, name, seconds):
    async with limit:  # at most 3 downloads inside this block at once
        print(f"{now()} downloading {name}")
        await asyncio.sleep(seconds)
        print(f"{now()} {name} done")
        return seconds


async def main():
    files = {"cat.jpg": 0.8, "song.mp3": 1.5, "video.mp4": 3.0, "notes.txt": 0.2,
             "slides.pdf": 1.0, "data.csv": 0.6, "photo.png": 0.7}
    limit = asyncio.Semaphore(3)
    times = await asyncio.gather(*(download(limit, name, s) for name, s in files.items()))
    print(f"{now()} {len(times)} files; one by one they would take {sum(times):.1f} s")


asyncio.run(main())
