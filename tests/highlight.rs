//! The code view's highlighting comes from the interpreter's tokenizer and covers every character.

use asyncio_playground::highlight::{highlight, Kind};

fn kinds_of(line: &[(Kind, String)]) -> Vec<(Kind, &str)> {
    line.iter().map(|(k, t)| (*k, t.as_str())).collect()
}

#[test]
fn pieces_add_up_to_each_line() {
    let source = "import asyncio\n\nasync def main():  # the entry\n    s = \"a # not a comment\"\n    await asyncio.sleep(1.5)\n";
    let lines = highlight(source);
    assert_eq!(lines.len(), source.lines().count());
    for (line, text) in lines.iter().zip(source.lines()) {
        let joined: String = line.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(joined, text);
    }
}

#[test]
fn keywords_names_numbers_strings_and_comments_are_told_apart() {
    let lines = highlight("async def main():  # the entry\n    s = \"a # b\"\n    await f(1.5)\n");
    assert_eq!(
        kinds_of(&lines[0]),
        vec![
            (Kind::Keyword, "async"),
            (Kind::Plain, " "),
            (Kind::Keyword, "def"),
            (Kind::Plain, " "),
            (Kind::Defined, "main"),
            (Kind::Operator, "():"),
            (Kind::Plain, "  "),
            (Kind::Comment, "# the entry"),
        ]
    );
    assert!(kinds_of(&lines[1]).contains(&(Kind::String, "\"a # b\"")));
    assert!(kinds_of(&lines[2]).contains(&(Kind::Number, "1.5")));
}

#[test]
fn a_string_over_several_lines_is_a_string_on_each() {
    let lines = highlight("x = \"\"\"one\ntwo\"\"\"\n");
    assert_eq!(kinds_of(&lines[1]), vec![(Kind::String, "two\"\"\"")]);
}

#[test]
fn text_after_a_syntax_error_is_still_shown() {
    let source = "x = (1,\ny = 'never closed\n";
    let lines = highlight(source);
    let joined: Vec<String> = lines
        .iter()
        .map(|l| l.iter().map(|(_, t)| t.as_str()).collect())
        .collect();
    assert_eq!(joined, source.lines().collect::<Vec<_>>());
}

#[test]
fn functions_and_classes_are_found_with_their_lines_and_qualified_names() {
    use asyncio_playground::highlight::{defs, Def};
    let source = "import asyncio\n\nclass Account:\n    def deposit(self, n):\n        return n\n\nasync def main():\n    async def boom():\n        # a comment\n        raise ValueError\n\n    await boom()\n\nasyncio.run(main())\n";
    let d = |q: &str, first, last| Def {
        qualname: q.into(),
        first,
        last,
    };
    assert_eq!(
        defs(source),
        vec![
            d("Account", 3, 5),
            d("Account.deposit", 4, 5),
            d("main", 7, 12),
            d("main.<locals>.boom", 8, 10),
        ]
    );
}
