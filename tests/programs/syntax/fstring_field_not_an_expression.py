a = 1
print(f"total: {a +}")
print("next")
