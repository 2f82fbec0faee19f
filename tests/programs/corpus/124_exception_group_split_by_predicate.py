# ExceptionGroup.split and subgroup take a predicate too, called on the group and each member
eg = ExceptionGroup("outer", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3)])])
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))  # lint: ok
match, rest = eg.split(lambda e: isinstance(e, ValueError))
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: e is eg)))  # lint: ok
print(eg.subgroup(lambda e: False))  # lint: ok
