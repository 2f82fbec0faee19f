# A task that awaits itself gets RuntimeError naming it by its whole repr (its coroutine, where
# it runs, the callbacks of whoever awaits it); and a task's repr, and the log of an exception
# nobody retrieved, quote its name as repr() does.
import asyncio


async def self_await():
    await asyncio.current_task()


async def main():
    for name in (None, "plain", "loop'y", 'q"uote', "both'\""):
        t = asyncio.create_task(self_await(), name=name)
        try:
            await t
        except RuntimeError as e:
            print("RuntimeError:", e)
    w = asyncio.create_task(asyncio.sleep(1, "x"), name="it's")
    tab = asyncio.create_task(asyncio.sleep(1, "y"), name="tab\there")
    await asyncio.sleep(0)
    print(repr(w))
    print(repr(tab))
    print(await w, await tab)
    # Nobody retrieves this one's exception: the log names the task by its quoted name.
    asyncio.create_task(self_await(), name="never 'seen'")
    await asyncio.sleep(0.1)


asyncio.run(main())
