def f(x):
    def g():
        nonlocal x
        global y
    return g
def h(a):
    def k(a):
        nonlocal a
