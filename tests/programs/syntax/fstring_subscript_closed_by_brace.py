a = [1]
print(f"{a[0}")
