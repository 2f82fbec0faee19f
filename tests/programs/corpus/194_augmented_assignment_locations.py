# An augmented assignment's target is located as CPython locates it: count += 1 on an unbound local marks count, c.n += 1 marks c.n
import asyncio

count = 0
total = 0


class C:
    pass


async def bump():
    global total
    c = C()
    try:
        c.n += 1
    except AttributeError as e:
        print(e)
    n = None
    try:
        n.x += 1
    except AttributeError as e:
        print(e)
    del total
    try:
        total += 1
    except NameError as e:
        print(e)


async def main():
    await bump()
    count += 1

asyncio.run(main())
