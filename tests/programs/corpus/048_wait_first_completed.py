# asyncio.wait(FIRST_COMPLETED): returns when one task ends, the rest stay pending and are handled later
import asyncio


async def racer(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} crossed the line")
    return name


async def main():
    tasks = {asyncio.create_task(racer(n, d), name=n) for n, d in [("hare", 0.3), ("tortoise", 0.9), ("fox", 0.5)]}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", [t.result() for t in done], "pending:", sorted(t.get_name() for t in pending))
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        print("next:", sorted(t.result() for t in done), "left:", len(pending))
    same_time = [asyncio.create_task(racer(f"tie{i}", 0.2)) for i in range(3)]
    done, pending = await asyncio.wait(same_time, return_when=asyncio.FIRST_COMPLETED)
    print("tied finishers:", len(done), len(pending))


asyncio.run(main())
