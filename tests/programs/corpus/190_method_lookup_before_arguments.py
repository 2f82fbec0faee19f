# A method call looks the method up before it evaluates its arguments, as CPython's LOAD_ATTR does: a missing method raises before the arguments run, and the traceback marks the attribute, not the call
import asyncio


class Box:
    def put(self, x):
        return x


async def main():
    box = Box()
    items = [1]
    try:
        items.push(print("never printed"))
    except AttributeError as e:
        print("caught:", e)
    try:
        box.take(print("never printed either"))
    except AttributeError as e:
        print("caught:", e)
    print(box.put(print("printed: the method exists")))
    fut = asyncio.get_running_loop().create_future()
    print(fut.get_name())


asyncio.run(main())
