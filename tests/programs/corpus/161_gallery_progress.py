# Gallery, recipe: a progress bar with as_completed, updated as each download finishes.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def download(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    files = {"a.zip": 1.2, "b.zip": 0.4, "c.zip": 2.0, "d.zip": 0.9, "e.zip": 1.6}
    tasks = [asyncio.create_task(download(name, s)) for name, s in files.items()]
    finished = 0
    async for task in asyncio.as_completed(tasks):  # the tasks themselves, fastest first
        finished += 1
        bar = "#" * finished + "-" * (len(tasks) - finished)
        print(f"{now()} [{bar}] {finished * 100 // len(tasks)}%  {task.result()}")
    print(f"{now()} all downloads finished")


asyncio.run(main())
