# In-place set operators change the set itself (an alias sees it) the way CPython's set_isub,
# set_iand and set_ixor do, so the order it then prints in is CPython's.
import asyncio


async def main():
    ids = {101, 205, 317, 422, 530, 648, 777, 890}
    alias = ids
    ids -= {205, 317, 422, 530}
    print(ids, alias is ids)
    seen = {10, 20, 30, 40, 50, 60}
    seen ^= {20, 70, 80}
    print(seen)
    both = {1, 2, 3, 4, 5, 6, 7, 8, 9}
    both &= {9, 7, 5, 3, 1}
    print(both)
    s = {1, 2}
    s ^= s
    t = {3, 4}
    t &= t
    print(s, t)
    await asyncio.sleep(0)


asyncio.run(main())
