//! Recursion through native calls (a sort's key, `map`, `__str__`, `__repr__`, an f-string):
//! the recursion limit holds across them as in CPython, and nesting deeper than the native
//! stack allows stops the run instead of overflowing it.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::cpython::require_cpython;
use asyncio_playground::python::vm::interp::NATIVE_STACK_LIMIT;
use asyncio_playground::python::{End, Options, Program};

/// Each way of recursing, caught at the limit: the depth reached and the message.
const PROBES: &str = r#"
depth = 0

def probe(name, fn):
    global depth
    depth = 0
    try:
        fn()
    except RecursionError as e:
        print(name, depth, e)

def by_sorted(n=0):
    global depth
    depth = n
    return sorted([n + 1], key=by_sorted)

def by_map(n=0):
    global depth
    depth = n
    return sum(map(by_map, [n + 1]))

def plain(n=0):
    global depth
    depth = n
    return plain(n + 1)

class S:
    def __init__(self, n=0):
        self.n = n

    def __str__(self):
        global depth
        depth = self.n
        return str(S(self.n + 1))

class R:
    def __init__(self, n=0):
        self.n = n

    def __repr__(self):
        global depth
        depth = self.n
        return repr(R(self.n + 1))

class F:
    def __init__(self, n=0):
        self.n = n

    def __str__(self):
        global depth
        depth = self.n
        return f"{F(self.n + 1)}"

def by_lambda(n=0):
    global depth
    depth = n
    return (lambda: by_lambda(n + 1))()

probe("sorted", by_sorted)
probe("map", by_map)
probe("plain", plain)
probe("str", lambda: str(S()))
probe("repr", lambda: repr(R()))
probe("f-string", lambda: str(F()))
probe("lambda", by_lambda)
"#;

#[test]
fn recursion_through_native_calls_meets_the_limit_where_cpython_does() {
    let py = require_cpython("recursion");
    let (ours, theirs) = oracle::printed_lines(&py, PROBES, "main.py");
    assert_eq!(theirs.len(), 7, "CPython caught every probe: {theirs:?}");
    assert_eq!(ours, theirs);
}

#[test]
fn nesting_deeper_than_the_native_stack_allows_stops_the_run() {
    // A test thread's stack (2 MiB) and the default budget (1 MiB): a sort's key that sorts
    // again nests about 5 KB a level and reaches the budget long before depth 1,000.
    let source = "def f(x):\n    return sorted([x], key=f)\n\nf(1)\n";
    let mut program = Program::new(source, "main.py", &Options::default()).expect("it compiles");
    match program.run_virtual() {
        End::Stopped(why) => assert_eq!(why, NATIVE_STACK_LIMIT),
        _ => panic!("the run was not stopped"),
    }
}
