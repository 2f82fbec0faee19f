# Fire and forget: tasks whose create_task() result is never stored. A failed one is freed as soon
# as the loop lets go of it (its last step, or the last of its done-callbacks), and CPython logs
# "Task exception was never retrieved" right then, not when the program ends.
import asyncio


async def boom(delay, what):
    if delay:
        await asyncio.sleep(delay)
    print(f"{what} fails")
    raise ValueError(what)


async def ticker():
    for i in range(4):
        await asyncio.sleep(0.25)
        print("tick", i)


async def main():
    asyncio.create_task(ticker())
    asyncio.create_task(boom(0, "at once"))
    asyncio.create_task(boom(0.5, "later"))
    asyncio.ensure_future(boom(0.3, "ensured"))
    asyncio.create_task(boom(0.6, "with a callback")).add_done_callback(
        lambda t: print("callback:", t.get_name())
    )
    await asyncio.sleep(1)
    print("end")


asyncio.run(main())
