# random with a seed: random, uniform, randint, randrange, choice, choices, shuffle, sample, gauss, value for value
import asyncio
import random


async def roll(name):
    await asyncio.sleep(random.random())
    return name, random.randint(1, 6)


async def main():
    random.seed(2024)
    print(random.random(), random.uniform(1, 10), random.randint(1, 100))
    print(random.randrange(10), random.randrange(5, 50, 5), random.randrange(100, 0, -7))
    print(random.choice("abcdef"), random.choice([10, 20, 30]), random.choice(range(1000)))
    print(random.choices(["red", "green", "blue"], k=5))
    print(random.choices(range(3), weights=[10, 1, 1], k=6))
    deck = list(range(10))
    random.shuffle(deck)
    print(deck)
    print(random.sample(range(100), 5), random.sample(["a", "b", "c", "d"], k=2))
    print(round(random.gauss(0, 1), 12), round(random.gauss(100, 15), 12))
    print(round(random.gauss(), 12))
    random.seed(7)
    print(await asyncio.gather(*(roll(n) for n in "xyz")))
    random.seed("text seed")
    print(random.randint(0, 10 ** 9))
    random.seed(7)
    first = [random.random() for _ in range(3)]
    random.seed(7)
    print(first == [random.random() for _ in range(3)])


asyncio.run(main())
