x = [1, 2
for i in x:
    print(i)
print(2)
