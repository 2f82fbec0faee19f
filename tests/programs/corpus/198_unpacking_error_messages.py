# Unpacking errors name what CPython names: a call's one * argument and its ** arguments name the callee as _PyObject_FunctionStr does (print(), __main__.f(), asyncio.tasks.gather()), other * unpackings say 'Value after *', and a keyword after ** given twice is an error
import asyncio
import random


class C:
    def m(self, *a):
        pass

    @staticmethod
    def sm(*a):
        pass


c = C()


def f(*a, **k):
    return a


n = None
CASES = [
    ('print(*n)', lambda: print(*n)),
    ('f(*n)', lambda: f(*n)),
    ('f(1, *n)', lambda: f(1, *n)),
    ('f(*n, 1)', lambda: f(*n, 1)),
    ('[*n]', lambda: [*n]),
    ('(*n,)', lambda: (*n,)),
    ('{*n}', lambda: {*n}),
    ('{**n}', lambda: {**n}),
    ('f(**n)', lambda: f(**n)),
    ('f(x=1, **n)', lambda: f(x=1, **n)),
    ("{'a': 1, **n}", lambda: {'a': 1, **n}),
    ('f(*[1], *n)', lambda: f(*[1], *n)),
    ('print(**n)', lambda: print(**n)),
    ('c.m(*n)', lambda: c.m(*n)),
    ('C.sm(*n)', lambda: C.sm(*n)),
    ('C(*n)', lambda: C(*n)),
    ('int(*n)', lambda: int(*n)),
    ('len(*n)', lambda: len(*n)),
    ("'a'.upper(*n)", lambda: 'a'.upper(*n)),
    ('[].append(*n)', lambda: [].append(*n)),
    ('asyncio.gather(*n)', lambda: asyncio.gather(*n)),
    ('asyncio.run(*n)', lambda: asyncio.run(*n)),
    ('asyncio.timeout(*n)', lambda: asyncio.timeout(*n)),
    ('asyncio.current_task(*n)', lambda: asyncio.current_task(*n)),
    ('random.randint(*n)', lambda: random.randint(*n)),
    ('random.random(*n)', lambda: random.random(*n)),
    ("f(x=1, **{'x': 2})", lambda: f(x=1, **{'x': 2})),
    ("print(**{'sep': 1}, sep=2)", lambda: print(**{'sep': 1}, sep=2)),
    ('f(*n, x=1)', lambda: f(*n, x=1)),
]
for text, case in CASES:
    try:
        case()
    except TypeError as e:
        print(text, "->", e)
print(*n)
