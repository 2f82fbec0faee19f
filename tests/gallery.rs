//! The page's example gallery: at least 24 programs in its four groups, each a program of the
//! conformance corpus (so checked against CPython by the corpus test) that compiles and runs.

use asyncio_playground::gallery::{Group, EXAMPLES};
use asyncio_playground::python::{End, Options, Program};
use std::collections::HashSet;

#[test]
fn the_gallery_has_at_least_24_examples_in_four_groups() {
    assert!(EXAMPLES.len() >= 24, "{} examples", EXAMPLES.len());
    for (group, least) in [
        (Group::FourWays, 5),
        (Group::Apis, 10),
        (Group::Misconceptions, 7),
        (Group::Recipes, 4),
    ] {
        let n = EXAMPLES.iter().filter(|e| e.group == group).count();
        assert!(n >= least, "{}: {n} examples", group.title());
    }
}

#[test]
fn every_example_has_a_unique_name_a_title_and_what_to_watch_for() {
    let mut names = HashSet::new();
    for e in EXAMPLES {
        assert!(names.insert(e.name), "{} twice", e.name);
        assert!(
            e.name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{}",
            e.name
        );
        assert!(!e.title.is_empty() && e.about.len() > 40, "{}", e.name);
    }
}

#[test]
fn every_example_is_a_corpus_file_and_runs_to_its_end() {
    let corpus = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/programs/corpus/");
    for e in EXAMPLES {
        let on_disk = std::fs::read_to_string(format!("{corpus}{}", e.file)).unwrap();
        assert_eq!(on_disk, e.source, "{} is {}", e.name, e.file);
        let mut program = Program::new(e.source, "main.py", &Options::default())
            .unwrap_or_else(|err| panic!("{}: {}", e.name, err.message()));
        let end = program.run_virtual();
        assert!(!matches!(end, End::Stopped(_)), "{} was stopped", e.name);
    }
}

#[test]
fn the_tutorials_inline_programs_are_corpus_programs() {
    // The article writes its misconception programs inline, as an author would; each must be a
    // corpus program (checked against CPython), less its first comment line.
    let root = env!("CARGO_MANIFEST_DIR");
    let tutorial = std::fs::read_to_string(format!("{root}/www/tutorial.html")).unwrap();
    let scripts: Vec<&str> = tutorial
        .split("<script type=\"text/x-python\">")
        .skip(1)
        .map(|rest| rest.split("</script>").next().unwrap())
        .collect();
    assert!(scripts.len() >= 2, "{} inline programs", scripts.len());
    for script in scripts {
        let found = EXAMPLES.iter().any(|e| {
            let body = e.source.split_once('\n').map_or("", |(_, rest)| rest);
            body.trim() == script.trim()
        });
        assert!(
            found,
            "an inline program of the tutorial is no corpus program:\n{script}"
        );
    }
}
