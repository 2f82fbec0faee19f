def f(*a, **k):
    return a, k
print(f(**{"a": 1}, *[2]))
