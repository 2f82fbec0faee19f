# A bank with accounts guarded by locks, transfers running concurrently, an overdraft raising an own exception
import asyncio


class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__(f"{account.name} cannot pay {amount}")
        self.account = account


class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = asyncio.Lock()

    def __repr__(self):
        return f"<{self.name}: {self.balance}>"


async def transfer(src, dst, amount, delay):
    await asyncio.sleep(delay)
    first, second = sorted([src, dst], key=lambda a: a.name)
    async with first.lock:
        async with second.lock:
            if src.balance < amount:
                raise InsufficientFunds(src, amount)
            src.balance -= amount
            await asyncio.sleep(0.01)
            dst.balance += amount
            print(f"moved {amount} from {src.name} to {dst.name}")


async def main():
    a, b, c = Account("a", 100), Account("b", 50), Account("c", 0)
    jobs = [transfer(a, b, 30, 0.1), transfer(b, c, 70, 0.1), transfer(c, a, 10, 0.2),
            transfer(b, a, 500, 0.05), transfer(a, c, 20, 0.1)]
    results = await asyncio.gather(*jobs, return_exceptions=True)
    for r in results:
        if isinstance(r, InsufficientFunds):
            print("failed:", r, "| account", r.account)
    print([a, b, c], a.balance + b.balance + c.balance)


asyncio.run(main())
