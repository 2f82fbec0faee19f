//! What the playground does not have is refused, never answered differently: an attribute CPython
//! has and the playground lacks stops the run with a message naming it (an `AttributeError` there
//! would send the program down a path CPython never takes). One CPython lacks too is CPython's
//! `AttributeError`: `tests/programs/corpus/129_missing_attributes.py` checks that against CPython.
#![cfg(not(target_arch = "wasm32"))]

use asyncio_playground::python::{End, Options, Program};

fn run(source: &str) -> (End, Vec<String>) {
    let mut program = Program::new(source, "main.py", &Options::default()).expect("it compiles");
    let end = program.run_virtual();
    let out = asyncio_playground::python::vm::interp::with(|i| i.out.borrow().lines.clone());
    (end, out)
}

#[test]
fn an_attribute_cpython_has_and_the_playground_lacks_is_refused() {
    for (source, names) in [
        ("print('a'.istitle())", "str.istitle"),
        ("print(dict.fromkeys([1]))", "dict.fromkeys"),
        (
            "try:\n    (3).real\nexcept AttributeError:\n    print('caught')",
            "int.real",
        ),
        (
            "import asyncio\nasync def main():\n    print(hasattr(asyncio.Queue(), 'shutdown'))\nasyncio.run(main())",
            "Queue.shutdown",
        ),
        ("import time\ntime.strftime('%H')", "time.strftime"),
        ("print({1: 2}.keys().isdisjoint([3]))", "dict_keys.isdisjoint"),
        (
            "class A:\n    pass\ndef same(a, b):\n    return True\nA.__eq__ = same\nprint(A() == 5)",
            "assigning __eq__ to a class",
        ),
        (
            "import asyncio\nasync def main():\n    pass\ntry:\n    asyncio.run(main(), debug=True)\nexcept Exception:\n    print('caught')",
            "asyncio.run(debug=True)",
        ),
        // What the playground does not model the way CPython does.
        (
            "r = range(-9223372036854775807, 9223372036854775807)",
            "a range of more than 2**63 - 1 items",
        ),
        (
            "try:\n    raise OSError(2, 'No such file')\nexcept OSError as e:\n    print(e)",
            "OSError with an errno (more than one argument)",
        ),
        ("print(str(1, 2))", "str() with an encoding (bytes)"),
        ("print('é'.isidentifier())", "str.isidentifier of non-ASCII text"),
        (
            "import asyncio\nasync def main():\n    asyncio.Condition(asyncio.Semaphore())\nasyncio.run(main())",
            "asyncio.Condition with a lock other than an asyncio.Lock",
        ),
        // The private state of asyncio's objects written in Python.
        (
            "import asyncio\nasync def main():\n    try:\n        print(asyncio.Queue()._queue)\n    except AttributeError:\n        print('caught')\nasyncio.run(main())",
            "Queue._queue",
        ),
        (
            "import asyncio\nasync def main():\n    print(hasattr(asyncio.Lock(), '_waiters'))\nasyncio.run(main())",
            "Lock._waiters",
        ),
        // asyncio's functions that make a loop of their own when none runs (deprecated).
        (
            "import asyncio\nasync def job():\n    return 1\ntry:\n    asyncio.run(asyncio.gather(job()))\nexcept Exception:\n    print('caught')",
            "asyncio.gather() outside a running event loop (CPython would make a loop of its own, deprecated since 3.10)",
        ),
        (
            "import asyncio\nasync def job():\n    return 1\ntry:\n    asyncio.ensure_future(job())\nexcept Exception:\n    print('caught')",
            "asyncio.ensure_future() outside a running event loop (CPython would make a loop of its own, deprecated since 3.10)",
        ),
        // New attributes on asyncio's objects and modules, which CPython's take.
        (
            "import asyncio\nasync def main():\n    t = asyncio.create_task(asyncio.sleep(0))\n    try:\n        t.label = 'downloader'\n    except AttributeError:\n        print('caught')\nasyncio.run(main())",
            "setting attributes on asyncio's objects ('_asyncio.Task')",
        ),
        (
            "import asyncio\ntry:\n    asyncio.DEBUG = True\nexcept AttributeError:\n    print('caught')",
            "setting attributes on the module 'asyncio'",
        ),
        // Answers that depend on what CPython does not promise, or on what is not modelled.
        (
            "try:\n    print(int('1000') is 10 ** 3)\nexcept Exception:\n    print('caught')",
            "`is` between two equal numbers, strings or tuples",
        ),
        (
            "import asyncio\nasync def login(user):\n    return 'welcome' if user is 'admin' else 'hello'\nasync def main():\n    try:\n        print(await login('admin'))\n    except Exception:\n        print('caught')\nasyncio.run(main())",
            "`is` between two equal numbers, strings or tuples",
        ),
        (
            "a = (1, 2)\nb = (1, 2)\ntry:\n    print(a is b)\nexcept Exception:\n    print('caught')",
            "`is` between two equal numbers, strings or tuples",
        ),
        (
            "d = {'x': 1}\ntry:\n    print(d.keys() == {'x'})\nexcept Exception:\n    print('caught')",
            "comparing dict views (d.keys(), d.items()) as sets",
        ),
        (
            "d = {'x': 1}\ntry:\n    print(d.keys() & {'x'})\nexcept Exception:\n    print('caught')",
            "the set operator & on dict views (d.keys(), d.items())",
        ),
    ] {
        let (end, out) = run(source);
        let End::Stopped(why) = &end else {
            panic!("{source}: not stopped but {out:?}");
        };
        assert!(
            why.starts_with(&format!("{names} is not supported in the playground")),
            "{source}: {why}"
        );
        assert!(out.is_empty(), "{source}: the refusal was caught: {out:?}");
    }
}

#[test]
fn newer_syntax_and_lone_surrogates_are_refused_before_the_run_where_cpython_would_run_them() {
    for (source, line, says) in [
        ("type Point = tuple[int, int]\n", 1, "the type statement"),
        (
            "def first[T](xs):\n    return xs[0]\n",
            1,
            "type parameters",
        ),
        ("x = 1\nclass Box[T]:\n    pass\n", 2, "type parameters"),
        ("s = '\\ud800'\n", 1, "a surrogate escape"),
    ] {
        let Err(e) = Program::new(source, "main.py", &Options::default()) else {
            panic!("{source}: it compiled");
        };
        assert!(e.is_refusal(), "{source}: {}", e.message());
        assert_eq!(e.span().start.line, line, "{source}");
        assert!(
            e.message().starts_with(says) && e.message().contains("not supported"),
            "{source}: {}",
            e.message()
        );
    }
    // `type` stays a name: an assignment to it runs.
    let (_, out) = run("type = 3\nprint(type)\n");
    assert_eq!(out, ["3"]);
}
