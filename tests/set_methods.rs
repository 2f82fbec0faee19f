//! `set`'s methods beyond the subset's `union` (`intersection`, `difference`,
//! `symmetric_difference`, `update`), given a list, a dict, a range, a set with dummies, several
//! arguments or the set itself: each kind of argument takes its own path through CPython's set
//! table, and the results must iterate in CPython's order.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::cpython::require_cpython;

const PROGRAM: &str = r#"def show(label, s):
    print(f"{label:28} {s}")


base = {5, 6, 9, 20, 33, 64, 97}
for x in (6, 33):
    base.discard(x)
show("base after discards", base)
show("union(list)", base.union([100, 0, 41]))
show("union(dict)", base.union({100: "a", 8: "b", 72: "c"}))
show("union(set, range)", base.union({256, 1}, range(40, 44)))
show("union(itself)", base.union(base))
show("intersection(list)", base.intersection([97, 5, 200, 20]))
show("intersection(dict, set)", base.intersection({20: 1, 9: 2, 5: 3}, {9, 5}))
show("intersection(itself)", base.intersection(base))
show("difference(list)", base.difference([9, 1000]))
show("difference(dict)", base.difference({5: None, 97: None}))
show("difference(big set)", base.difference(set(range(0, 200, 3))))
show("difference(a, b)", base.difference([5], {20}, range(60, 70)))
show("symmetric_difference(list)", base.symmetric_difference([5, 7, 7, 300]))
show("symmetric_difference(dict)", base.symmetric_difference({9: 0, 11: 0}))
grown = set()
grown.update([8, 16, 24], {1: 1, 65: 2}, range(3))
show("update(list, dict, range)", grown)
words = {"await", "async", "task"}
show("len of union(str)", len(words.union("abc")))
try:
    base.intersection([[1]])
except TypeError as e:
    print("TypeError:", e)
try:
    base.symmetric_difference()
except TypeError as e:
    print("TypeError:", e)
"#;

#[test]
fn set_methods_iterate_as_cpythons_for_every_kind_of_argument() {
    let py = require_cpython("set methods");
    let (ours, theirs) = oracle::printed_lines(&py, PROGRAM, "sets.py");
    assert!(theirs.len() > 15, "CPython printed every line: {theirs:?}");
    assert_eq!(ours, theirs);
}
