# current_task() and all_tasks(): who is running, how many tasks are alive at each moment
import asyncio


async def worker(delay):
    me = asyncio.current_task()
    await asyncio.sleep(delay)
    alive = sorted(t.get_name() for t in asyncio.all_tasks())
    print(f"{me.get_name()} sees {alive}")


async def main():
    print("main is", asyncio.current_task().get_name(), "alone:", len(asyncio.all_tasks()))
    tasks = [asyncio.create_task(worker(d), name=f"w{d}") for d in (1, 2, 3)]
    print("after creating:", len(asyncio.all_tasks()))
    await asyncio.gather(*tasks)
    print("after gather:", [t.get_name() for t in asyncio.all_tasks()])
    print(asyncio.current_task() in asyncio.all_tasks(), isinstance(asyncio.current_task(), asyncio.Task))


asyncio.run(main())
