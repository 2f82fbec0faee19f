# A done-callback that raises is logged ("Exception in callback"), and the handle that ran it is
# kept in a reference cycle with its exception: the failed task it was given is freed only by the
# cycle collector, at exit, so its "Task exception was never retrieved" comes last. A callback
# that returns lets go of its task at once.
import asyncio


async def boom(what):
    await asyncio.sleep(0.1)
    raise ValueError(what)


def careless(task):
    print("careless callback for", task.get_name())
    raise RuntimeError("the callback failed too")


def quiet(task):
    print("quiet callback for", task.get_name())


async def main():
    asyncio.create_task(boom("held by a cycle")).add_done_callback(careless)
    asyncio.create_task(boom("freed after its callback")).add_done_callback(quiet)
    await asyncio.sleep(0.5)
    print("end")


asyncio.run(main())
