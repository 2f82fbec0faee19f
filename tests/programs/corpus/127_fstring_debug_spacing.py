# f-string "=" keeps the spaces written around it
x = 3.14159
name = "loop"
print(f"{x=}", f"{x = }", f"{x = :.2f}", f"{name = !s}", f"{ name = }")
