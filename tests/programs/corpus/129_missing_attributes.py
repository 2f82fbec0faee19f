# An attribute nobody has is an AttributeError, as CPython words it, for values, objects and classes
import asyncio


class Job:
    pass


async def main():
    for v in [5, "a", [], Job(), Job, asyncio.current_task(), asyncio.Lock()]:
        try:
            v.nope  # lint: ok
        except AttributeError as e:
            print(e)
    print(hasattr(Job(), "x"), getattr(Job(), "x", "default"))


asyncio.run(main())
