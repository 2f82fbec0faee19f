# More of the messages the interpreter raises, as CPython words them
def attempt(label, thunk):
    try:
        thunk()
    except Exception as e:
        print(f"{label}: {type(e).__name__}: {e}")


index = 1.0
attempt("str index", lambda: "abc"[index])
attempt("list index", lambda: [1][index])
attempt("split", lambda: "a b".split(1))
attempt("pow", lambda: 2 ** "x")
attempt("getattr", lambda: getattr(1, 2))
attempt("hasattr", lambda: hasattr(1, 2))
attempt("missing", lambda: (5).nope)  # lint: ok
x = 1
try:
    x **= "a"
except TypeError as e:
    print(e)
