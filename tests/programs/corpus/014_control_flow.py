# Control flow: if/elif/else, while and for with break, continue and else, pass, inside coroutines
import asyncio


def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


async def countdown(name, n):
    while n > 0:
        print(name, n)
        n -= 1
        await asyncio.sleep(0.1)
    else:
        print(name, "liftoff")


async def find(xs, target):
    for i, x in enumerate(xs):
        await asyncio.sleep(0)
        if x == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")


async def main():
    print([classify(v) for v in (-5, 0, 3, 42)])
    await asyncio.gather(countdown("A", 3), countdown("B", 2))
    await find([4, 8, 15, 16], 15)
    await find([4, 8, 15, 16], 23)
    odd = []
    for i in range(10):
        if i % 2 == 0:
            continue
        if i > 7:
            break
        odd.append(i)
    print(odd)
    i = 0
    while True:
        i += 1
        if i == 3:
            pass
        elif i > 5:
            break
    print("i =", i)
    for ch in "":
        print("never")
    else:
        print("empty loop else")
    while False:
        pass
    else:
        print("while else")


asyncio.run(main())
