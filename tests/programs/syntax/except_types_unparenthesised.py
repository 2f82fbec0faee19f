try:
    raise ValueError("boom")
except ValueError, TypeError:
    print("caught")
