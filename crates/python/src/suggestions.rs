//! "Did you mean: 'x'?" for an `AttributeError` or a `NameError`, as CPython 3.13's traceback
//! module computes it (`_compute_suggestion_error` with its Levenshtein distance), and "Did you
//! mean 'x'?" for an unexpected keyword argument, as its C code does.

use crate::objects::{ExcObj, Value};

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.to_lowercase().eq(b.to_lowercase()) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// `traceback._levenshtein_distance(a, b, max_cost)`.
fn levenshtein(a: &str, b: &str, max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let (mut a, mut b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    a.drain(..pre);
    b.drain(..pre);
    let post = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    a.truncate(a.len() - post);
    b.truncate(b.len() - post);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bindex, &bchar) in b.iter().enumerate() {
        let mut distance = bindex * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (index, &achar) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bchar, achar);
            distance = row[index];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[index] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The closest of `candidates` to `wrong`, as CPython 3.13's traceback module finds it for an
/// `AttributeError` or a `NameError` (through `_suggestions._generate_suggestions`, the C
/// `_Py_CalculateSuggestions`), and as its C code does for an unexpected keyword argument: no
/// candidate more than a third of the characters away, the first of the closest.
pub fn closest(wrong: &str, candidates: &[String]) -> Option<String> {
    closest_within(wrong, candidates, usize::MAX)
}

/// `got an unexpected keyword argument 'k'`, with the parameter CPython suggests among `known`
/// (`. Did you mean 'a'?`): the words after a callee's name.
pub fn unexpected_keyword<'a>(k: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    let known: Vec<String> = known.into_iter().map(String::from).collect();
    let hint = closest(k, &known).map_or_else(String::new, |n| format!(". Did you mean '{n}'?"));
    format!("got an unexpected keyword argument '{k}'{hint}")
}

fn closest_within(wrong: &str, candidates: &[String], mut best: usize) -> Option<String> {
    if candidates.len() > MAX_CANDIDATE_ITEMS || wrong.chars().count() > MAX_STRING_SIZE {
        return None;
    }
    let wrong_len = wrong.chars().count();
    let mut suggestion: Option<String> = None;
    for name in candidates {
        if name == wrong {
            continue;
        }
        let max =
            ((name.chars().count() + wrong_len + 3) * MOVE_COST / 6).min(best.saturating_sub(1));
        let d = levenshtein(wrong, name, max);
        if d > max {
            continue;
        }
        if suggestion.is_none() || d < best {
            suggestion = Some(name.clone());
            best = d;
        }
    }
    suggestion
}

/// `dir(obj)` as far as suggestions go: its attributes, its class's (CPython's names for the
/// types and modules the playground implements, which it may lack some of).
fn dir(obj: &Value) -> Vec<String> {
    use crate::cpython_attrs::{class_names, module_names};
    let mut names: Vec<String> = Vec::new();
    let class_names_of = |c: &crate::objects::Class, names: &mut Vec<String>| {
        for k in c.mro.borrow().iter() {
            names.extend(k.dict.borrow().iter().map(|(n, _)| n.to_string()));
            if let Some(cpython) = class_names(&k.name) {
                names.extend(cpython.map(String::from));
            }
        }
    };
    match obj {
        Value::Instance(i) => {
            names.extend(i.attrs.borrow().iter().map(|(n, _)| n.to_string()));
            class_names_of(&i.class, &mut names);
        }
        Value::Class(c) => class_names_of(c, &mut names),
        Value::Module(m) => {
            names.extend(m.attrs.borrow().iter().map(|(n, _)| n.to_string()));
            names.extend(
                module_names(&m.name)
                    .unwrap_or_default()
                    .iter()
                    .map(|n| n.to_string()),
            );
        }
        Value::Exc(e) => {
            names.extend(e.attrs.borrow().iter().map(|(n, _)| n.to_string()));
            class_names_of(&e.class, &mut names);
        }
        Value::Native(n) => {
            names.extend(n.methods().iter().map(|(m, _)| m.to_string()));
            class_names_of(&n.class(), &mut names);
        }
        other => {
            if let Some(methods) = crate::builtins::methods::names(other) {
                names.extend(methods.iter().map(|m| m.to_string()));
            }
            class_names_of(&crate::builtins::class_of(other), &mut names);
        }
    }
    names.sort();
    names.dedup();
    names
}

/// The suggestion for an `AttributeError` carrying `name` and `obj`, printed with its
/// traceback's frames or without them (`format_exception_only`).
pub fn attribute(e: &ExcObj, with_frames: bool) -> Option<String> {
    let Some(Value::Str(wrong)) = e.get_attr("name") else {
        return None;
    };
    let obj = e.get_attr("obj")?;
    let mut candidates = dir(&obj);
    // Underscored names are offered too when the object is the `self` of the frame it was
    // raised in (a method reaching for its own `_speed`).
    let own_self = with_frames && e.get_attr(SELF_IS_OBJ).is_some();
    if !wrong.starts_with('_') && !own_self {
        candidates.retain(|c| !c.starts_with('_'));
    }
    closest(&wrong, &candidates)
}

/// Where an `AttributeError` notes that its object is the `self` of the innermost frame of its
/// traceback (a name no program can write): CPython looks at that frame's `f_locals` when it
/// prints the traceback.
const SELF_IS_OBJ: &str = "\0self";

/// Notes, for an `AttributeError` leaving `frame` first, whether its object is that frame's
/// `self`.
pub fn note_self(e: &ExcObj, frame: &crate::vm::frame::Frame) {
    let Some(obj) = e.get_attr("obj") else {
        return;
    };
    let nlocals = frame.code.nlocals as usize;
    let Some(i) = frame.code.slots[..nlocals.min(frame.code.slots.len())]
        .iter()
        .position(|n| &**n == "self")
    else {
        return;
    };
    let me = match &frame.slots()[i] {
        Value::Cell(c) => c.borrow().clone(),
        v => v.clone(),
    };
    if me.is(&obj) {
        e.set_attr(std::rc::Rc::from(SELF_IS_OBJ), Value::Bool(true));
    }
}

/// Where a `NameError` keeps the suggestion computed from the frame it was raised in (a name no
/// program can write): CPython computes it from that frame when it prints the traceback.
pub const NAME_SUGGESTION: &str = "\0suggestion";

/// `_compute_suggestion_error` for a `NameError` raised in `frame`: `self.x` when `self` has
/// the name, else the closest of the frame's locals, its globals and the built-ins. (CPython
/// takes globals in their dict's order, which matters only between candidates equally close;
/// the playground takes them sorted.)
pub fn record_name_suggestion(e: &ExcObj, frame: &crate::vm::frame::Frame) {
    let Some(Value::Str(wrong)) = e.get_attr("name") else {
        return;
    };
    let wrong: &str = &wrong;
    let mut locals: Vec<(std::rc::Rc<str>, Value)> = Vec::new();
    for (name, v) in frame.code.slots.iter().zip(frame.slots()) {
        let v = match v {
            Value::Cell(c) => c.borrow().clone(),
            v => v.clone(),
        };
        if !matches!(v, Value::Unbound) {
            locals.push((name.clone(), v));
        }
    }
    if let Some((_, me)) = locals.iter().find(|(n, _)| &**n == "self") {
        let name: std::rc::Rc<str> = std::rc::Rc::from(wrong);
        if crate::vm::attr::getattr(me, &name).is_ok() {
            e.set_attr(
                std::rc::Rc::from(NAME_SUGGESTION),
                Value::str(&format!("self.{wrong}")),
            );
            return;
        }
    }
    let mut globals: Vec<String> = frame
        .globals()
        .borrow()
        .keys()
        .map(|k| k.to_string())
        .collect();
    globals.sort();
    // CPython's built-ins, in its dict's order (`True`, `open` and the others the playground
    // lacks are suggested too).
    let builtins = crate::cpython_attrs::BUILTINS.iter().map(|b| b.to_string());
    let candidates: Vec<String> = locals
        .iter()
        .map(|(n, _)| n.to_string())
        .chain(globals)
        .chain(builtins)
        .collect();
    if let Some(s) = closest(wrong, &candidates) {
        e.set_attr(std::rc::Rc::from(NAME_SUGGESTION), Value::str(&s));
    }
}
