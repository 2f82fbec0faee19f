# A TaskGroup that has finished refuses new tasks, and no task name is used up by the refusal
import asyncio


async def step():
    await asyncio.sleep(0.1)


async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(step())
    try:
        tg.create_task(step())
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = asyncio.create_task(step())
    print(t.get_name())
    await t


asyncio.run(main())
