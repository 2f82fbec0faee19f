def f(a,
:
  pass
