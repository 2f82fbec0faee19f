# except*: an exception raised in a clause's body has the part that clause matched as its context, not the whole group
import asyncio


async def fail(exc):
    raise exc


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fail(ValueError(1)))
            group.create_task(fail(TypeError(2)))
    except* ValueError:
        raise KeyError("while handling the ValueError part")


asyncio.run(main())
