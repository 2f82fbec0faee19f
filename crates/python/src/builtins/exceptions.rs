//! Exception methods and exception groups: `BaseException.__init__`, `with_traceback`,
//! `add_note`, `ExceptionGroup(...)`, `split`, and what `except*` does with a group.

use super::type_name;
use crate::objects::class::{types, Class, Tag};
use crate::objects::native::NativeObj;
use crate::objects::{ExcObj, Raised, Value};
use crate::vm::{type_error, PyResult};
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

fn init(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    if let Some(Value::Exc(e)) = b {
        *e.args.borrow_mut() = Rc::from(args);
    }
    Ok(Value::None)
}

/// `super().__init__` when no class of the program's defines it: `BaseException.__init__`
/// (sets `args`) or `object.__init__`.
pub fn base_init(this: &Value) -> Value {
    Value::builtin(
        "__init__",
        "BaseException.__init__",
        init,
        Some(this.clone()),
    )
}

/// `super().__str__` / `super().__repr__` when no class of the program's defines it: the
/// built-in base's (`BaseException.__str__`, `object.__str__`, which is the object's repr, …).
pub fn base_text(this: &Value, name: &str) -> Option<Value> {
    let (name, qualname, f): (&'static str, &str, crate::objects::BuiltinFn) = match name {
        "__str__" => ("__str__", "object.__str__", base_str),
        "__repr__" => ("__repr__", "object.__repr__", base_repr),
        _ => return None,
    };
    Some(Value::builtin(name, qualname, f, Some(this.clone())))
}

fn base_str(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    Ok(Value::string(match b {
        Some(Value::Exc(e)) => crate::objects::repr::base_exc_str(e, e.is_a("KeyError"))?,
        Some(v) => crate::objects::repr::repr(v)?,
        None => String::new(),
    }))
}

fn base_repr(b: Option<&Value>, _: Vec<Value>, _: Kw) -> PyResult {
    Ok(Value::string(match b {
        Some(Value::Exc(e)) => crate::objects::repr::exc_repr(e)?,
        Some(v) => crate::objects::repr::object_repr(v),
        None => String::new(),
    }))
}

/// `Exception.__init__` / `__str__` / `__repr__` from an exception class, called with the
/// exception first (`Exception.__init__(self, msg)` in a subclass's `__init__`).
pub fn unbound(cls: &Rc<Class>, name: &str) -> Option<Value> {
    if !cls.is_exception() {
        return None;
    }
    let (name, f): (&'static str, crate::objects::BuiltinFn) = match name {
        "__init__" => ("__init__", unbound_init),
        "__str__" => ("__str__", unbound_str),
        "__repr__" => ("__repr__", unbound_repr),
        _ => return None,
    };
    // Bound to the class that defines it, which the call checks the exception against.
    let owner = descriptor_owner(cls, name);
    Some(Value::builtin(
        name,
        &format!("{}.{name}", owner.name),
        f,
        Some(Value::Class(owner)),
    ))
}

/// The built-in class whose slot wrapper `cls.name` finds: `__init__` is in every built-in
/// exception class's own dict (`ExceptionGroup` inherits `BaseExceptionGroup`'s); `__str__` only
/// in those that format themselves; `__repr__` only in `BaseException`'s.
fn descriptor_owner(cls: &Rc<Class>, name: &str) -> Rc<Class> {
    let mro = cls.mro.borrow().clone();
    let builtin = |c: &&Rc<Class>| c.tag == Tag::Exception && &*c.name != "ExceptionGroup";
    let own_str = |c: &&Rc<Class>| {
        matches!(
            &*c.name,
            "KeyError" | "OSError" | "BaseExceptionGroup" | "BaseException"
        )
    };
    let found = match name {
        "__init__" => mro.iter().find(builtin),
        "__str__" => mro.iter().find(|c| builtin(c) && own_str(c)),
        _ => None,
    };
    found
        .cloned()
        .unwrap_or_else(|| types().base_exception.clone())
}

/// The exception an unbound method `name` of `owner` is called on (its first argument).
fn descriptor_self(owner: Option<&Value>, name: &str, args: &mut Vec<Value>) -> PyResult<Raised> {
    let owner = match owner {
        Some(Value::Class(c)) => c.clone(),
        _ => types().base_exception.clone(),
    };
    if args.is_empty() {
        return Err(type_error(format!(
            "descriptor '{name}' of '{}' object needs an argument",
            owner.name
        )));
    }
    match args.remove(0) {
        Value::Exc(e) if e.class.is_subclass(&owner) => Ok(e),
        other => Err(type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            owner.name,
            type_name(&other)
        ))),
    }
}

fn unbound_init(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let e = descriptor_self(b, "__init__", &mut args)?;
    init(Some(&Value::Exc(e)), args, kwargs)
}

fn unbound_str(b: Option<&Value>, mut args: Vec<Value>, _: Kw) -> PyResult {
    let key_error = matches!(b, Some(Value::Class(c)) if &*c.name == "KeyError");
    let e = descriptor_self(b, "__str__", &mut args)?;
    Ok(Value::string(crate::objects::repr::base_exc_str(
        &e, key_error,
    )?))
}

fn unbound_repr(b: Option<&Value>, mut args: Vec<Value>, kwargs: Kw) -> PyResult {
    let e = descriptor_self(b, "__repr__", &mut args)?;
    base_repr(Some(&Value::Exc(e)), args, kwargs)
}

fn with_traceback(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let Some(Value::Exc(e)) = b else {
        return Ok(Value::None);
    };
    if matches!(args.first(), Some(Value::None)) {
        *e.traceback.borrow_mut() = None;
    }
    Ok(Value::Exc(e.clone()))
}

fn add_note(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let Some(Value::Exc(e)) = b else {
        return Ok(Value::None);
    };
    let note = match args.first() {
        Some(Value::Str(s)) => Value::Str(s.clone()),
        Some(other) => {
            return Err(type_error(format!(
                "note must be a str, not '{}'",
                type_name(other)
            )))
        }
        None => {
            return Err(type_error(
                "BaseException.add_note() takes exactly one argument (0 given)",
            ))
        }
    };
    match e.get_attr("__notes__") {
        Some(Value::List(l)) => l.borrow_mut().push(note),
        _ => e.set_attr(Rc::from("__notes__"), Value::list(vec![note])),
    }
    Ok(Value::None)
}

fn split(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let Some(Value::Exc(e)) = b else {
        return Ok(Value::None);
    };
    let typ = args.first().cloned().unwrap_or(Value::None);
    let (m, r) = split_matching(e, &typ)?;
    Ok(Value::tuple(vec![opt(m), opt(r)]))
}

/// `eg.split(condition)`: `condition` is an exception class, a tuple of them, or a predicate
/// called on each exception, the group itself first.
fn split_matching(e: &Rc<ExcObj>, condition: &Value) -> PyResult<(Option<Raised>, Option<Raised>)> {
    // `get_matcher_type`: a callable other than a class is a predicate.
    let callable = match condition {
        Value::Func(_) | Value::Builtin(_) | Value::Method(_) => true,
        Value::Instance(i) => i.class.lookup("__call__").is_some(),
        _ => false,
    };
    if callable {
        split_by(e, &mut |x: &Rc<ExcObj>| {
            let r = crate::vm::call::call(condition, vec![Value::Exc(x.clone())], Vec::new())?;
            crate::vm::ops::truthy(&r)
        })
    } else {
        let classes = match_classes(condition)?;
        Ok(split_group(e, &classes))
    }
}

fn subgroup(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let Some(Value::Exc(e)) = b else {
        return Ok(Value::None);
    };
    let typ = args.first().cloned().unwrap_or(Value::None);
    Ok(opt(split_matching(e, &typ)?.0))
}

fn derive_method(b: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let Some(Value::Exc(e)) = b else {
        return Ok(Value::None);
    };
    let members = match args.first() {
        Some(v) => crate::objects::iter::collect(v)?,
        None => Vec::new(),
    };
    let message = e.group.as_ref().map_or(Rc::from(""), |g| g.0.clone());
    new_group(
        types().exception("BaseExceptionGroup"),
        &[Value::Str(message), Value::list(members)],
    )
}

fn opt(e: Option<Raised>) -> Value {
    e.map_or(Value::None, Value::Exc)
}

/// The methods of exceptions.
pub fn method(e: &Rc<ExcObj>, obj: &Value, name: &str) -> Option<Value> {
    let f = match name {
        "with_traceback" => with_traceback,
        "add_note" => add_note,
        "__init__" => init,
        "split" if e.group.is_some() => split,
        "subgroup" if e.group.is_some() => subgroup,
        "derive" if e.group.is_some() => derive_method,
        "__notes__" => return None,
        _ => return None,
    };
    Some(Value::builtin("method", name, f, Some(obj.clone())))
}

/// `BaseExceptionGroup(message, exceptions)` (an `ExceptionGroup` when every member is an
/// `Exception`), or a program's subclass of either.
pub fn new_group(cls: Rc<Class>, args: &[Value]) -> PyResult {
    let t = types();
    if args.len() != 2 {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            args.len()
        )));
    }
    let Value::Str(message) = &args[0] else {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            type_name(&args[0])
        )));
    };
    let items = match &args[1] {
        v @ (Value::List(_) | Value::Tuple(_)) => crate::objects::iter::collect(v)?,
        _ => {
            return Err(type_error(
                "second argument (exceptions) must be a sequence",
            ))
        }
    };
    if items.is_empty() {
        return Err(crate::vm::value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut members = Vec::new();
    for (i, it) in items.iter().enumerate() {
        match it {
            Value::Exc(e) => members.push(e.clone()),
            _ => {
                return Err(crate::vm::value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )))
            }
        }
    }
    let exception = t.exception("Exception");
    let all_exceptions = members.iter().all(|m| m.is_instance(&exception));
    let class = if &*cls.name == "BaseExceptionGroup" && cls.tag != Tag::User && all_exceptions {
        t.exception("ExceptionGroup")
    } else {
        if cls.is_subclass(&t.exception("ExceptionGroup")) && !all_exceptions {
            return Err(type_error(
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ));
        }
        cls
    };
    Ok(Value::Exc(ExcObj::group(
        class,
        message.clone(),
        members,
        args.to_vec(),
    )))
}

/// The classes an `except*` (or `split`) matches.
fn match_classes(typ: &Value) -> PyResult<Vec<Rc<Class>>> {
    let items: Vec<Value> = match typ {
        Value::Tuple(t) => t.to_vec(),
        other => vec![other.clone()],
    };
    items
        .into_iter()
        .map(|v| match v {
            Value::Class(c) if c.is_exception() => Ok(c),
            _ => Err(type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        })
        .collect()
}

fn matches(e: &ExcObj, classes: &[Rc<Class>]) -> bool {
    classes.iter().any(|c| e.is_instance(c))
}

/// A group like `of` (its message and metadata) with other members (`derive` + the copying
/// `split` does).
fn derive(of: &Rc<ExcObj>, members: Vec<Rc<ExcObj>>) -> Rc<ExcObj> {
    let t = types();
    let exception = t.exception("Exception");
    let class = if members.iter().all(|m| m.is_instance(&exception)) {
        t.exception("ExceptionGroup")
    } else {
        t.exception("BaseExceptionGroup")
    };
    let message = of.group.as_ref().map_or(Rc::from(""), |g| g.0.clone());
    let args = vec![
        Value::Str(message.clone()),
        Value::list(members.iter().map(|m| Value::Exc(m.clone())).collect()),
    ];
    let g = ExcObj::group(class, message, members, args);
    *g.traceback.borrow_mut() = of.traceback.borrow().clone();
    // `PyException_SetCause` also sets `__suppress_context__`, cause or not.
    *g.cause.borrow_mut() = of.cause.borrow().clone();
    g.suppress_context.set(true);
    *g.context.borrow_mut() = of.context.borrow().clone();
    if let Some(n) = of.get_attr("__notes__") {
        g.set_attr(Rc::from("__notes__"), n);
    }
    g
}

/// `eg.split(classes)`: (the part that matches, the rest).
pub fn split_group(e: &Rc<ExcObj>, classes: &[Rc<Class>]) -> (Option<Raised>, Option<Raised>) {
    // The condition never fails.
    split_by(e, &mut |x: &Rc<ExcObj>| Ok(matches(x, classes))).unwrap_or_default()
}

/// `exceptiongroup_split_recursive`: the group itself if it matches, else each member.
fn split_by(
    e: &Rc<ExcObj>,
    cond: &mut dyn FnMut(&Rc<ExcObj>) -> PyResult<bool>,
) -> PyResult<(Option<Raised>, Option<Raised>)> {
    if cond(e)? {
        return Ok((Some(e.clone()), None));
    }
    let Some((_, members)) = &e.group else {
        return Ok((None, Some(e.clone())));
    };
    let (mut m, mut r) = (Vec::new(), Vec::new());
    for x in members.iter() {
        let (a, b) = split_by(x, cond)?;
        m.extend(a);
        r.extend(b);
    }
    let m = (!m.is_empty()).then(|| derive(e, m));
    let r = (!r.is_empty()).then(|| derive(e, r));
    Ok((m, r))
}

/// Every leaf (non-group) exception of `e`.
fn leaves(e: &Rc<ExcObj>, out: &mut Vec<Rc<ExcObj>>) {
    match &e.group {
        Some((_, members)) => members.iter().for_each(|m| leaves(m, out)),
        None => out.push(e.clone()),
    }
}

/// What `except*` keeps between its clauses.
struct StarState {
    orig: Raised,
    /// What is left to match (`None`: everything matched).
    rest: RefCell<Option<Raised>>,
    /// What the clauses' bodies raised, in order.
    raised: RefCell<Vec<Raised>>,
}

impl NativeObj for StarState {
    fn class(&self) -> Rc<Class> {
        types().object.clone()
    }
    fn repr(&self) -> String {
        "<except* state>".into()
    }
    fn methods(&self) -> &'static [(&'static str, crate::objects::BuiltinFn)] {
        &[]
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn state(v: &Value) -> Option<&StarState> {
    match v {
        Value::Native(n) => n.downcast::<StarState>(),
        _ => None,
    }
}

/// The start of `except*`: the exception being handled becomes what is left to match.
pub fn star_begin(e: Value) -> PyResult {
    let Value::Exc(orig) = e else {
        return Err(type_error("except* on a non-exception"));
    };
    Ok(Value::Native(Rc::new(StarState {
        rest: RefCell::new(Some(orig.clone())),
        orig,
        raised: RefCell::new(Vec::new()),
    })))
}

/// One `except* typ:` clause: takes the matching part out of what is left.
pub fn star_match(st: &Value, typ: &Value) -> PyResult {
    let Some(st) = state(st) else {
        return Ok(Value::None);
    };
    let classes = match_classes(typ)?;
    let eg = types().exception("BaseExceptionGroup");
    if classes.iter().any(|c| c.is_subclass(&eg)) {
        return Err(type_error(
            "catching ExceptionGroup with except* is not allowed. Use except instead.",
        ));
    }
    let rest = st.rest.borrow().clone();
    let Some(rest) = rest else {
        return Ok(Value::None);
    };
    if rest.group.is_none() {
        // A naked exception: it matches wrapped in a group with no message.
        if matches(&rest, &classes) {
            *st.rest.borrow_mut() = None;
            let class = if rest.is_a("Exception") {
                types().exception("ExceptionGroup")
            } else {
                eg
            };
            let args = vec![Value::str(""), Value::tuple(vec![Value::Exc(rest.clone())])];
            // With no traceback of its own: CPython's shows none of the frame it was made in.
            let g = ExcObj::group(class, Rc::from(""), vec![rest.clone()], args);
            return Ok(Value::Exc(g));
        }
        return Ok(Value::None);
    }
    let (m, r) = split_group(&rest, &classes);
    *st.rest.borrow_mut() = r;
    Ok(opt(m))
}

/// A clause's body raised `raised` (a new exception, or the match re-raised).
pub fn star_raised(st: &Value, raised: Value) {
    if let (Some(st), Value::Exc(e)) = (state(st), raised) {
        st.raised.borrow_mut().push(e);
    }
}

/// The end of `except*`: what is left, and what was raised, to raise together
/// (`_PyExc_PrepReraiseStar`).
pub fn star_end(st: &Value) -> Option<Raised> {
    let st = state(st)?;
    let mut excs: Vec<Raised> = st.raised.borrow().clone();
    if let Some(r) = st.rest.borrow().clone() {
        excs.push(r);
    }
    let orig = &st.orig;
    if orig.group.is_none() {
        return excs.into_iter().next();
    }
    // A re-raise is an exception with the metadata of the original (`is_same_exception_metadata`):
    // the parts `split` made of it keep its traceback, cause and context until a `raise` that
    // names them adds a frame. What else a handler raised is new, even a leaf of the group
    // (`raise eg.exceptions[0]`).
    let mut kept: Vec<Rc<ExcObj>> = Vec::new();
    let mut new_raised: Vec<Rc<ExcObj>> = Vec::new();
    for e in excs {
        if same_metadata(&e, orig) {
            leaves(&e, &mut kept);
        } else {
            new_raised.push(e);
        }
    }
    let reraised = if kept.is_empty() {
        None
    } else {
        // The condition never fails.
        split_by(orig, &mut |x: &Rc<ExcObj>| {
            Ok(kept.iter().any(|k| Rc::ptr_eq(k, x)))
        })
        .unwrap_or_default()
        .0
    };
    new_raised.extend(reraised);
    match new_raised.len() {
        0 => None,
        1 => new_raised.pop(),
        _ => {
            let members: Vec<Value> = new_raised.iter().map(|m| Value::Exc(m.clone())).collect();
            match new_group(
                types().exception("BaseExceptionGroup"),
                &[Value::str(""), Value::list(members)],
            ) {
                Ok(Value::Exc(g)) => Some(g),
                _ => None,
            }
        }
    }
}

/// `is_same_exception_metadata`: the same traceback, cause and context (the same objects). (Its
/// notes are compared too, but a part's `add_note` does not make it new in CPython 3.13.)
fn same_metadata(a: &ExcObj, b: &ExcObj) -> bool {
    fn same<T>(x: &Option<Rc<T>>, y: &Option<Rc<T>>) -> bool {
        match (x, y) {
            (None, None) => true,
            (Some(x), Some(y)) => Rc::ptr_eq(x, y),
            _ => false,
        }
    }
    same(&a.traceback.borrow(), &b.traceback.borrow())
        && same(&a.cause.borrow(), &b.cause.borrow())
        && same(&a.context.borrow(), &b.context.borrow())
}

/// Refuses the exceptions whose arguments CPython gives a meaning the playground does not model:
/// an `OSError` with an errno (`OSError(2, 'x')` is a `FileNotFoundError` printed
/// `[Errno 2] x`), a `SyntaxError` with its details, and the Unicode codec errors.
pub fn check_supported(cls: &Rc<Class>, args: &[Value]) -> PyResult<()> {
    let t = types();
    let what = if cls.is_subclass(&t.exception("OSError")) && args.len() >= 2 {
        Some(format!(
            "{} with an errno (more than one argument)",
            cls.name
        ))
    } else if cls.is_subclass(&t.exception("SyntaxError")) && args.len() >= 2 {
        Some(format!(
            "{} with its details (more than one argument)",
            cls.name
        ))
    } else if [
        "UnicodeDecodeError",
        "UnicodeEncodeError",
        "UnicodeTranslateError",
    ]
    .iter()
    .any(|n| cls.is_subclass(&t.exception(n)))
    {
        Some(cls.name.to_string())
    } else {
        None
    };
    match what {
        Some(what) => Err(crate::vm::refuse(what)),
        None => Ok(()),
    }
}
