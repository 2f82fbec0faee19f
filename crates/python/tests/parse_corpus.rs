//! Every corpus program parses.

use asyncio_playground_python::syntax::parse;

#[test]
fn every_corpus_program_parses() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/programs/corpus");
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("the corpus folder") {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "py") {
            continue;
        }
        n += 1;
        let source = std::fs::read_to_string(&path).unwrap();
        if let Err(e) = parse(&source) {
            failures.push(format!("{}: {}", path.display(), e));
        }
    }
    assert!(n > 0);
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
