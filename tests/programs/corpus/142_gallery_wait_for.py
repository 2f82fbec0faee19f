# Gallery, one API at a time: wait_for gives an awaitable a deadline, then cancels it.
import asyncio
import time

start = time.perf_counter()


def now():
    return f"[{time.perf_counter() - start:.1f}s]"


async def ask_server(question, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(f"{now()} ask_server({question!r}) was cancelled")
        raise
    return f"answer to {question}"


async def main():
    answer = await asyncio.wait_for(ask_server("quick", 0.4), timeout=1)
    print(f"{now()} in time: {answer}")
    try:
        answer = await asyncio.wait_for(ask_server("slow", 3), timeout=1)
        print(f"{now()} in time: {answer}")
    except TimeoutError:
        print(f"{now()} gave up waiting: TimeoutError")


asyncio.run(main())
