x = y = 1
print(f"{x y}")
