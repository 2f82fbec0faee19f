# Exception classes that call their built-in base by name or through super(): __init__ sets
# args, __str__ and __repr__ are BaseException's (KeyError's own __str__ quotes its key), and
# object.__str__ of a plain class is its repr.
import asyncio


class AppError(Exception):
    pass


class DbError(AppError):
    def __init__(self, msg, table):
        AppError.__init__(self, msg)
        self.table = table

    def __str__(self):
        return f"{super().__str__()} [table={self.table}]"


class Coded(ValueError):
    def __init__(self, code):
        Exception.__init__(self, f"code {code}", code)

    def __repr__(self):
        return "Coded<" + super().__repr__() + ">"


class MissingKey(KeyError):
    def __str__(self):
        return "missing " + super().__str__()


class Plain:
    def __repr__(self):
        return "Plain()"


class Loud(Plain):
    def __str__(self):
        return super().__str__().upper()


async def main():
    e = DbError("no row", "users")
    print(e, e.args, repr(e))
    c = Coded(7)
    print(c, c.args, repr(c), ValueError.__str__(c), Exception.__repr__(c))
    print(MissingKey("k"), KeyError.__str__(KeyError("k")), BaseException.__str__(KeyError("k")))
    print(str(Loud()), repr(Loud()))
    for call in [lambda: Exception.__init__(3), lambda: ValueError.__init__(KeyError("k")), lambda: Exception.__str__()]:
        try:
            call()
        except TypeError as x:
            print("TypeError:", x)
    try:
        raise DbError("timeout", "orders")
    except AppError as err:
        print("caught", err)
    raise DbError("fatal", "jobs")


asyncio.run(main())
