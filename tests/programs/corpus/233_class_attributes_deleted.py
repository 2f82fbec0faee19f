# del Cls.attr removes the class's own attribute (one a base defines is an AttributeError, a
# built-in type's a TypeError), and __doc__ may be set on a class.
class A:
    x = 1
    def m(self):
        return 1
class B(A):
    pass
def t(f):
    try:
        f()
        print("ok", hasattr(A, "x"), hasattr(A, "m"))
    except Exception as e:
        print(type(e).__name__, e)
def d1():
    del A.x
def d2():
    del B.m
def d3():
    del A.m
def d4():
    del int.real
t(d1); t(d1); t(d2); t(d3); t(d4)
A.__doc__ = "doc"
print(A.__doc__)
