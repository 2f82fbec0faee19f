# String methods at their edges: an empty substring past the end, and methods that take no arguments
s = "abc"
print(s.find("", 4), s.rfind("", 4), s.count("", 4), s.startswith("", 4), s.endswith("", 4))  # lint: ok
print(s.find("", 3), s.count("", 3), s.find("c", -1), s.count("", -10, 99))
for call in (lambda: s.upper(1), lambda: s.isdigit(1), lambda: s.splitlines(1, 2), lambda: round(1.5, 1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
try:
    s.index("", 4)
except ValueError as e:
    print("ValueError:", e)
print("12".isdigit(), "1a".isdigit(), "".isdigit(), "7".isnumeric(), "x".isdecimal())  # lint: ok
