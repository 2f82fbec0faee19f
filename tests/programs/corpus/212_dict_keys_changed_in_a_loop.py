# Changing a dict's keys while looping over it: a new size is 'changed size', and keys replaced
# while the size stays are 'keys changed', found once more entries come than there were.
import asyncio


async def main():
    prices = {"apple": 1.5, "pear": 2.0}
    try:
        for name in prices:
            prices[name.upper()] = prices.pop(name)
    except RuntimeError as e:
        print("error:", e, prices)
    d = {"a": 1, "b": 2}
    try:
        for k in d:
            del d[k]
            d[k + "!"] = 1
    except RuntimeError as e:
        print("error:", e, d)
    stock = {"x": 1, "y": 2, "z": 3}
    for k in stock:
        stock[k] += 1
    print(stock)
    await asyncio.sleep(0)
    for k, v in prices.items():
        prices[k] = v * 2
    print(prices)
    for k in prices:
        prices[k.lower()] = prices.pop(k)


asyncio.run(main())
