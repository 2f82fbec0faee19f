# An AttributeError escapes from a misspelt attribute on the program's own class ("Did you mean" included)
import asyncio


class Account:
    def __init__(self, owner):
        self.owner = owner
        self.balance = 0

    async def deposit(self, amount):
        await asyncio.sleep(0.1)
        self.balance += amount
        return self.balanse  # lint: ok


async def main():
    acct = Account("ada")
    print(await acct.deposit(10))


asyncio.run(main())
