# Comprehensions: list, dict, set (of ints), nested, with conditions, generator expressions as arguments
import asyncio


async def square_later(i):
    await asyncio.sleep(0.01 * (5 - i))
    return i * i


async def main():
    squares = [i * i for i in range(6)]
    evens = [i for i in range(20) if i % 2 == 0 if i % 3 != 0]
    pairs = [(i, j) for i in range(3) for j in range(i)]
    matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
    transposed = [[row[c] for row in matrix] for c in range(3)]
    lengths = {word: len(word) for word in ["asyncio", "task", "loop"]}
    inverted = {v: k for k, v in {"a": 1, "b": 2}.items()}
    remainders = {n % 7 for n in range(30)}
    labels = ["even" if n % 2 == 0 else "odd" for n in range(4)]
    print(squares, evens, pairs)
    print(matrix, transposed)
    print(lengths, inverted, remainders, labels)
    print(sum(x for x in range(101)), max(len(w) for w in lengths), any(x > 4 for x in squares))
    print(sorted((v, k) for k, v in lengths.items()))
    print(tuple(i for i in "abc"), list(c.upper() for c in "xyz"), dict((i, str(i)) for i in range(3)))
    results = await asyncio.gather(*(square_later(i) for i in range(5)))
    print(results)
    x = 10
    comp = [x for x in range(3)]
    print(x, comp)
    flat = [n for row in matrix for n in row if n % 2]
    print(flat)


asyncio.run(main())
