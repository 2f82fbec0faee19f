nonlocal x
print("ran")
