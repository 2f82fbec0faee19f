# Slicing a range gives a range, with CPython's start, stop and step
r = range(0, 10, 3)
print(r[1:], r[::-1], r[1:3], r[5:], r[-2:])
print(range(3)[5:], range(10)[2:8:3], list(range(10)[2:8:3]))
print(range(10, 0, -2)[1::2], len(range(10, 0, -2)[1::2]))
