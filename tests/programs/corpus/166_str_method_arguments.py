# str methods called with too few or too many arguments: CPython's TypeError messages, word for word
NAMES = ["find", "rfind", "index", "rindex", "count", "startswith", "endswith", "center", "ljust",
         "rjust", "zfill", "split", "rsplit", "replace", "join", "partition", "rpartition", "strip",
         "lstrip", "rstrip", "removeprefix", "removesuffix", "splitlines", "upper",
         "isdigit", "title", "casefold", "swapcase"]
for name in NAMES:
    method = getattr("abc", name)
    for args in [(), (1, 2, 3, 4, 5)]:
        try:
            method(*args)
            print(name, len(args), "ok")
        except TypeError as e:
            print(name, len(args), e)
        except Exception as e:
            print(name, len(args), type(e).__name__, e)
