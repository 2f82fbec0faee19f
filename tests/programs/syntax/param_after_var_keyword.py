def f(**kw, name):
    pass
