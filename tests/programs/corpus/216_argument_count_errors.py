# Argument-count mistakes with built-ins that the playground otherwise refuses in part: iter()
# and str() with too few or too many arguments are CPython's TypeErrors, not refusals.
for call in [lambda: iter(), lambda: iter(1, 2, 3), lambda: str(1, 2, 3, 4)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
print(iter())
