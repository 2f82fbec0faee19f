x = [await g() for g in h]
