//! No input panics the interpreter: arbitrary bytes and mutated corpus programs each end in an
//! outcome, a refusal (or syntax error) with a message, or a stop with its reason.
#![cfg(not(target_arch = "wasm32"))]

mod oracle;

use asyncio_playground::python::{End, Options, Outcome, Program};
use proptest::prelude::*;
use std::sync::OnceLock;

/// The corpus programs' texts, read once.
fn corpus() -> &'static [String] {
    static TEXTS: OnceLock<Vec<String>> = OnceLock::new();
    TEXTS.get_or_init(|| {
        oracle::programs("corpus")
            .iter()
            .map(|f| std::fs::read_to_string(f).expect("a corpus file"))
            .collect()
    })
}

/// Compiles and runs `source` with a short time limit; what it ended in, in words.
fn end_of(source: &str) -> Result<String, String> {
    // A minute of virtual time: mutated loops that never end stop quickly.
    let options = Options {
        max_time: 60_000_000,
        ..Options::default()
    };
    match Program::new(source, "main.py", &options) {
        Err(e) => {
            let text = e.render("main.py", source);
            if text.trim().is_empty() {
                return Err("a compile error without a message".into());
            }
            Ok("refused".into())
        }
        Ok(mut program) => match program.run_virtual() {
            End::Stopped(why) if why.trim().is_empty() => Err("a stop without a reason".into()),
            End::Stopped(_) => Ok("stopped".into()),
            end => {
                let json = Outcome::collect(&end).to_json();
                serde_json::from_str::<serde_json::Value>(&json)
                    .map_err(|e| format!("bad outcome JSON {json}: {e}"))?;
                Ok("ran".into())
            }
        },
    }
}

/// One edit of a program's text.
#[derive(Clone, Debug)]
enum Mutation {
    DeleteLine(usize),
    DuplicateLine(usize),
    SwapLines(usize, usize),
    DeleteChars(usize, usize),
    Insert(usize, &'static str),
    Dedent(usize),
}

const SNIPPETS: [&str; 14] = [
    "await ", "(", ")", ":", "\n", "    ", "async ", "return ", "raise ", "yield ", "lambda: ",
    "[", "**", "0",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteLine),
        any::<usize>().prop_map(Mutation::DuplicateLine),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
        (any::<usize>(), 1usize..8).prop_map(|(a, n)| Mutation::DeleteChars(a, n)),
        (any::<usize>(), prop::sample::select(SNIPPETS.to_vec()))
            .prop_map(|(a, s)| Mutation::Insert(a, s)),
        any::<usize>().prop_map(Mutation::Dedent),
    ]
}

fn apply(source: &str, m: &Mutation) -> String {
    let mut lines: Vec<String> = source.lines().map(String::from).collect();
    let n = lines.len().max(1);
    let mut chars: Vec<char> = source.chars().collect();
    let at = |i: usize, len: usize| i % len.max(1);
    match *m {
        Mutation::DeleteLine(i) if !lines.is_empty() => drop(lines.remove(at(i, n))),
        Mutation::DuplicateLine(i) if !lines.is_empty() => {
            let l = lines[at(i, n)].clone();
            lines.insert(at(i, n), l);
        }
        Mutation::SwapLines(a, b) if !lines.is_empty() => lines.swap(at(a, n), at(b, n)),
        Mutation::Dedent(i) if !lines.is_empty() => {
            let l = &mut lines[at(i, n)];
            *l = l.strip_prefix("    ").unwrap_or(l).to_string();
        }
        Mutation::DeleteChars(i, k) => {
            let from = at(i, chars.len());
            let to = (from + k).min(chars.len());
            chars.drain(from..to);
            return chars.into_iter().collect();
        }
        Mutation::Insert(i, s) => {
            let from = at(i, chars.len() + 1);
            chars.splice(from..from, s.chars());
            return chars.into_iter().collect();
        }
        _ => {}
    }
    lines.join("\n") + "\n"
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_ends_in_an_outcome_a_refusal_or_a_stop(source in any::<String>()) {
        end_of(&source).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn python_looking_text_ends_in_an_outcome_a_refusal_or_a_stop(
        words in prop::collection::vec(prop::sample::select(vec![
            "import asyncio\n", "async def f(x):\n", "    await asyncio.sleep(0.1)\n", "    return x\n",
            "asyncio.run(f(1))\n", "print(f'{1:>{2}}')\n", "try:\n", "except* ValueError:\n", "finally:\n",
            "    pass\n", "class A(Exception):\n", "x = [i for i in range(3)]\n", "del x\n", "    ", "\t",
            "(", "]", "'''", "\\\n", "async with asyncio.TaskGroup() as tg:\n", "lambda", "global y\n",
        ]), 0..16)
    ) {
        end_of(&words.concat()).map_err(TestCaseError::fail)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn mutated_corpus_programs_end_in_an_outcome_a_refusal_or_a_stop(
        file in any::<usize>(),
        edits in prop::collection::vec(mutation(), 1..4),
    ) {
        let texts = corpus();
        prop_assert!(texts.len() >= 80, "the corpus is there");
        let mut source = texts[file % texts.len()].clone();
        for m in &edits {
            source = apply(&source, m);
        }
        end_of(&source).map_err(|e| TestCaseError::fail(format!("{e}\n--- program ---\n{source}")))?;
    }
}

/// asyncio's own objects as what a task returned or raised: the outcome describes them (their
/// reprs read the loop) once it has let go of the loop.
#[test]
fn tasks_and_futures_as_results_and_error_messages_end_in_an_outcome() {
    for body in [
        "    return asyncio.current_task()",
        "    return asyncio.get_running_loop().create_future()",
        "    t = asyncio.create_task(asyncio.sleep(0))\n    await t\n    return [t, {'t': t}]",
        "    t = asyncio.create_task(me())\n    await t\n    return t",
        "    raise ValueError(asyncio.current_task())",
    ] {
        let source = format!(
            "import asyncio\n\nasync def me():\n    return asyncio.current_task()\n\nasync def main():\n{body}\n\nasyncio.run(main())\n"
        );
        assert_eq!(end_of(&source), Ok("ran".to_string()), "{source}");
    }
}
