# Misconception: a failing task nobody awaits hides its exception ("Task exception was never retrieved" on stderr)
import asyncio


async def background_job(n):
    await asyncio.sleep(0.1 * n)
    if n % 2:
        raise ValueError(f"job {n} exploded")
    print(f"job {n} finished")


async def main():
    jobs = [asyncio.create_task(background_job(n)) for n in range(4)]
    await asyncio.sleep(1)
    print("main thinks all went well:", [j.done() for j in jobs])
    checked = jobs[1]
    print("checking one of them:", repr(checked.exception()))


asyncio.run(main())
