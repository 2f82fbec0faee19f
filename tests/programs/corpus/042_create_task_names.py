# create_task with and without name=, get_name/set_name, get_coro, default Task-N numbering, the coroutine's qualname
import asyncio


async def job(n):
    await asyncio.sleep(0.1 * n)
    me = asyncio.current_task()
    print(f"{me.get_name()} finished job {n}")
    return n


async def main():
    def make_inner():
        async def inner():
            await asyncio.sleep(0.05)
            return "inner"
        return inner

    t1 = asyncio.create_task(job(1))
    t2 = asyncio.create_task(job(2), name="second")
    t3 = asyncio.create_task(job(3))
    t4 = asyncio.create_task(make_inner()(), name=None)
    print(t1.get_name(), t2.get_name(), t3.get_name(), t4.get_name())
    t3.set_name("renamed")
    t1.set_name(12)
    print(t1.get_name(), repr(t1.get_name()), t3.get_name())
    coro = job(0)
    t5 = asyncio.create_task(coro)
    print(t5.get_coro() is coro, asyncio.iscoroutine(t5.get_coro()))
    print(await asyncio.gather(t1, t2, t3, t4, t5))
    print(asyncio.current_task().get_name())


asyncio.run(main())
