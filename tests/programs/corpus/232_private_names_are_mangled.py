# Names written `__name` inside a class are `_Class__name` (name mangling): an account's
# `__balance` is not reachable as `acct.__balance` from outside, nor as `self.__balance` from a
# subclass; dunders and names outside classes are left alone.
import asyncio


class Account:
    __count = 0

    def __init__(self, owner):
        self.__balance = 0
        self.owner = owner
        Account.__count += 1

    def __log(self, what):
        print(f"{self.owner}: {what}")

    async def deposit(self, amount):
        await asyncio.sleep(0.01)
        self.__balance += amount
        self.__log(f"+{amount} -> {self.__balance}")

    @classmethod
    def opened(cls):
        return cls.__count


class Savings(Account):
    def peek(self):
        return self.__balance


class _Hidden:
    def __init__(self):
        self.__x = 1


class __Under:
    def __init__(self):
        self.__y = 2


async def main():
    a = Account("ann")
    await asyncio.gather(a.deposit(5), a.deposit(7))
    print(a._Account__balance, Account.opened(), hasattr(a, "__balance"))
    print(_Hidden()._Hidden__x, getattr(__Under(), "_Under__y"))
    for f in [lambda: a.__balance, lambda: Savings("bob").peek()]:
        try:
            f()
        except AttributeError as e:
            print("AttributeError:", e)
    a.__log("from outside")


asyncio.run(main())
