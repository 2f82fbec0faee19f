# call errors: wrong argument counts and unexpected keywords (with "Did you mean"), for functions, methods and built-ins
class K:
    def m(self, a):
        pass

    async def am(self, x, *, y=1):
        pass


def f(a, b=2, *, c=3):
    pass


def g(*args, key):
    pass


cases = [lambda: f(), lambda: f(1, 2, 3), lambda: f(1, bb=2), lambda: f(1, a=1), lambda: f(1, c=1, d=2),
         lambda: K().m(), lambda: K().m(1, 2), lambda: K.m(), lambda: g(1), lambda: g(key=1, kee=2),
         lambda: K().am(1, 2), lambda: f(1, 2, c=3, cc=4), lambda: len(), lambda: len(1, 2),
         lambda: int("x"), lambda: sorted(), lambda: max(), lambda: print(sepp=1), lambda: f(*[1, 2, 3, 4])]
for case in cases:
    try:
        case()
        print("ok")
    except TypeError as e:
        print(e)
    except ValueError as e:
        print("ValueError", e)
