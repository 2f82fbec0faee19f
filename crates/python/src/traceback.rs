//! Tracebacks as CPython 3.13 prints them: the program's frames (asyncio's collapse to `...`),
//! chained exceptions, exception groups as a tree, and `format_exception_only`'s lines.

use crate::objects::repr::exc_str;
use crate::objects::{ExcObj, Raised, Tb, Value};
use crate::vm::interp;
use std::rc::Rc;

mod segment;

/// `Traceback (most recent call last): …` through the exception line(s), as printed on stderr.
pub fn format_exception(e: &Raised) -> String {
    let mut ctx = Ctx {
        depth: 0,
        need_close: false,
        out: String::new(),
    };
    let (source, file) = interp::with(|i| (i.source.borrow().clone(), i.filename.borrow().clone()));
    let tree = Tree::of(e);
    ctx.format(&tree, 0, &source, &file);
    ctx.out
}

/// `traceback.format_exception_only(e, show_group=True)`, one entry per line; `with_frames` as
/// in a printed traceback (whose frames give a `NameError` its "Did you mean").
pub fn exception_only(e: &ExcObj, show_group: bool, with_frames: bool) -> Vec<String> {
    let mut out = Vec::new();
    exception_only_into(e, show_group, with_frames, 0, &mut out);
    out
}

fn exception_only_into(
    e: &ExcObj,
    show_group: bool,
    with_frames: bool,
    depth: usize,
    out: &mut Vec<String>,
) {
    let indent = " ".repeat(3 * depth);
    let shown = final_line(e, with_frames);
    for l in shown.split('\n') {
        out.push(format!("{indent}{l}"));
    }
    if let Some(Value::List(notes)) = e.get_attr("__notes__") {
        for n in notes.borrow().iter() {
            let text = crate::objects::repr::str(n).unwrap_or_default();
            for l in text.split('\n') {
                out.push(format!("{indent}{l}"));
            }
        }
    }
    if show_group {
        if let Some((_, members)) = &e.group {
            for m in members.iter() {
                exception_only_into(m, show_group, with_frames, depth + 1, out);
            }
        }
    }
}

/// `ValueError: bad`, or just the type when the message is empty; an `AttributeError` gets
/// CPython's "Did you mean" suggestion, a `NameError` its own and "did you forget to import".
pub fn final_line(e: &ExcObj, with_frames: bool) -> String {
    let stype = e.class.display_name();
    let as_rc = e.unchained();
    let mut msg = exc_str(&as_rc).unwrap_or_else(|_| "<exception str() failed>".into());
    if e.is_a("AttributeError") {
        if let Some(s) = crate::suggestions::attribute(e, with_frames) {
            msg += &format!(". Did you mean: '{s}'?");
        }
    }
    if let (true, Some(Value::Str(module)), Some(Value::Str(wrong))) = (
        e.is_a("ImportError"),
        e.get_attr("name"),
        e.get_attr("name_from"),
    ) {
        let names: Vec<String> = crate::cpython_attrs::module_names(&module)
            .unwrap_or_default()
            .iter()
            .map(|n| n.to_string())
            .collect();
        if let Some(s) = crate::suggestions::closest(&wrong, &names) {
            msg += &format!(". Did you mean: '{s}'?");
        }
    }
    if e.is_a("NameError") {
        // The suggestion needs the frame, so only a traceback with frames shows it; the
        // forgotten import does not.
        let suggestion = match e.get_attr(crate::suggestions::NAME_SUGGESTION) {
            Some(Value::Str(s)) if with_frames => Some(s),
            _ => None,
        };
        if let Some(s) = &suggestion {
            msg += &format!(". Did you mean: '{s}'?");
        }
        if let Some(Value::Str(name)) = e.get_attr("name") {
            if crate::stdlib_names::is_stdlib_module(&name) {
                let lead = if suggestion.is_some() {
                    " Or did"
                } else {
                    ". Did"
                };
                msg += &format!("{lead} you forget to import '{name}'?");
            }
        }
    }
    if msg.is_empty() {
        stype
    } else {
        format!("{stype}: {msg}")
    }
}

/// The program's frames of a traceback, outermost first: (line, function).
pub fn frames(e: &ExcObj) -> Vec<(u32, Rc<str>)> {
    Tb::entries(&e.traceback.borrow())
        .into_iter()
        .filter(|t| !t.is_asyncio())
        .map(|t| (t.line, t.name.clone()))
        .collect()
}

/// How deep groups nest before CPython prints `... (max_group_depth is 10)` instead.
const MAX_GROUP_DEPTH: usize = 10;

/// An exception with what its traceback shows of it (`TracebackException`): its cause and its
/// context, unless already shown elsewhere, and a group's members, always.
struct Node {
    exc: Raised,
    cause: Option<usize>,
    context: Option<usize>,
    members: Option<Vec<usize>>,
}

/// The `TracebackException`s of an exception and what it links to, as CPython 3.13 builds them
/// (`compact=True`): a queue taken from its end, and a set of the exceptions already given a
/// node, which a cause or a context is not shown again for (a group's members always are).
struct Tree {
    nodes: Vec<Node>,
}

impl Tree {
    fn of(top: &Raised) -> Tree {
        let mut tree = Tree { nodes: Vec::new() };
        let mut seen: Vec<*const ExcObj> = vec![Rc::as_ptr(top)];
        let root = tree.add(top.clone());
        let mut queue = vec![root];
        while let Some(i) = queue.pop() {
            let e = tree.nodes[i].exc.clone();
            let mut unseen = |x: Option<Raised>, tree: &mut Tree| {
                let x = x.filter(|x| !seen.contains(&Rc::as_ptr(x)))?;
                seen.push(Rc::as_ptr(&x));
                Some(tree.add(x))
            };
            let cause = unseen(e.cause.borrow().clone(), &mut tree);
            let need_context = cause.is_none() && !e.suppress_context.get();
            let context = unseen(
                e.context.borrow().clone().filter(|_| need_context),
                &mut tree,
            );
            let members = e.group.as_ref().map(|(_, members)| {
                members
                    .iter()
                    .map(|m| {
                        seen.push(Rc::as_ptr(m));
                        tree.add(m.clone())
                    })
                    .collect::<Vec<usize>>()
            });
            queue.extend(cause);
            queue.extend(context);
            queue.extend(members.iter().flatten());
            let node = &mut tree.nodes[i];
            (node.cause, node.context, node.members) = (cause, context, members);
        }
        tree
    }

    fn add(&mut self, exc: Raised) -> usize {
        self.nodes.push(Node {
            exc,
            cause: None,
            context: None,
            members: None,
        });
        self.nodes.len() - 1
    }
}

/// `traceback._ExceptionPrintContext` and `TracebackException.format`.
struct Ctx {
    depth: usize,
    need_close: bool,
    out: String,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    fn emit(&mut self, text: &str, margin: Option<char>) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin.unwrap_or('|'));
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    fn format(&mut self, tree: &Tree, top: usize, source: &str, file: &str) {
        // The chain, newest last: (message before it, exception).
        let mut chain: Vec<(Option<&str>, usize)> = Vec::new();
        let mut at = Some(top);
        while let Some(i) = at {
            let node = &tree.nodes[i];
            let (msg, next) = if let Some(c) = node.cause {
                (Some("\nThe above exception was the direct cause of the following exception:\n\n"), Some(c))
            } else if let Some(c) = node.context.filter(|_| !node.exc.suppress_context.get()) {
                (
                    Some(
                        "\nDuring handling of the above exception, another exception occurred:\n\n",
                    ),
                    Some(c),
                )
            } else {
                (None, None)
            };
            chain.push((msg, i));
            at = next;
        }
        // Oldest first; each newer exception's block follows the line that links it to the one
        // before ("The above exception was the direct cause…").
        for (msg, i) in chain.into_iter().rev() {
            if let Some(m) = msg {
                self.emit(m, None);
            }
            let e = &tree.nodes[i].exc;
            let stack = format_stack(e, source, file);
            let members = tree.nodes[i].members.as_deref().unwrap_or_default();
            match &e.group {
                None => {
                    if !stack.is_empty() {
                        self.emit("Traceback (most recent call last):\n", None);
                        self.emit(&stack, None);
                    }
                    let only = exception_only(e, false, true).join("\n") + "\n";
                    self.emit(&only, None);
                }
                Some(_) if self.depth > MAX_GROUP_DEPTH => {
                    self.emit(
                        &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                        None,
                    );
                }
                Some(_) => {
                    let toplevel = self.depth == 0;
                    if toplevel {
                        self.depth += 1;
                    }
                    if !stack.is_empty() {
                        self.emit(
                            "Exception Group Traceback (most recent call last):\n",
                            toplevel.then_some('+'),
                        );
                        self.emit(&stack, None);
                    }
                    let only = exception_only(e, false, true).join("\n") + "\n";
                    self.emit(&only, None);
                    let n = members.len().min(16);
                    self.need_close = false;
                    for i in 0..n {
                        let last = i == n - 1;
                        if last {
                            self.need_close = true;
                        }
                        let truncated = i >= 15;
                        let title = if truncated {
                            "...".to_string()
                        } else {
                            (i + 1).to_string()
                        };
                        self.out += &format!(
                            "{}{}+---------------- {title} ----------------\n",
                            self.indent(),
                            if i == 0 { "+-" } else { "  " }
                        );
                        self.depth += 1;
                        if !truncated {
                            self.format(tree, members[i], source, file);
                        } else {
                            let remaining = members.len() - 15;
                            self.emit(
                                &format!(
                                    "and {remaining} more exception{}\n",
                                    if remaining > 1 { "s" } else { "" }
                                ),
                                None,
                            );
                        }
                        if last && self.need_close {
                            self.out += &format!(
                                "{}+------------------------------------\n",
                                self.indent()
                            );
                            self.need_close = false;
                        }
                        self.depth -= 1;
                    }
                    if toplevel {
                        self.depth = 0;
                    }
                }
            }
        }
    }
}

/// The frames of `e`'s traceback, as `StackSummary.format` writes them (recursion folded).
fn format_stack(e: &ExcObj, source: &str, file: &str) -> String {
    let entries = Tb::entries(&e.traceback.borrow());
    let lines: Vec<&str> = source.lines().collect();
    let mut out = String::new();
    let mut last: Option<(u32, Rc<str>)> = None;
    let mut count = 0usize;
    let flush = |out: &mut String, count: usize| {
        if count > 3 {
            let n = count - 3;
            out.push_str(&format!(
                "  [Previous line repeated {n} more time{}]\n",
                if n > 1 { "s" } else { "" }
            ));
        }
    };
    for t in &entries {
        if t.is_asyncio() {
            flush(&mut out, count);
            count = 0;
            last = None;
            out.push_str("  ...\n");
            continue;
        }
        let key = (t.line, t.name.clone());
        if last.as_ref() != Some(&key) {
            flush(&mut out, count);
            last = Some(key);
            count = 0;
        }
        count += 1;
        if count > 3 {
            continue;
        }
        out.push_str(&format!(
            "  File \"{file}\", line {}, in {}\n",
            t.line, t.name
        ));
        let (col, lines_below, end_col) = t.cols;
        let at = segment::Position {
            line: t.line,
            col,
            end_line: t.line + lines_below,
            end_col,
        };
        out.push_str(&segment::format(&lines, at));
    }
    flush(&mut out, count);
    out
}
