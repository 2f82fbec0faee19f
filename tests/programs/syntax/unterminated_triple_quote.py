x = 1
s = """abc
print(x)
