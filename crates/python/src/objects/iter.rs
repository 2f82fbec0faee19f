//! Iterators: over lists, tuples, strings, ranges, dicts and sets, and the lazy ones the
//! built-ins make (`enumerate`, `zip`, `map`, `filter`, `reversed`), plus dict views.

use super::{Dict, Value};
use crate::vm::{call::call, ops::truthy, runtime_error, type_error, PyResult};
use std::cell::RefCell;
use std::rc::Rc;

/// Which dict view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub enum Iter {
    List {
        list: Rc<super::List>,
        pos: usize,
    },
    Tuple {
        items: Rc<[Value]>,
        pos: usize,
    },
    Str {
        chars: Vec<char>,
        pos: usize,
        ascii: bool,
    },
    Range {
        next: i64,
        left: i64,
        step: i64,
    },
    Dict {
        dict: Rc<RefCell<Dict>>,
        kind: ViewKind,
        pos: usize,
        /// The dict's size when the iteration began (`di_used`); `usize::MAX` once it failed.
        len: usize,
        /// How many entries are still to come (`di->len`): one found past them means keys were
        /// replaced while the size stayed.
        left: usize,
    },
    Set {
        set: Rc<RefCell<super::Set>>,
        pos: usize,
        len: usize,
    },
    /// A list reversed (`list_reverseiterator`): positions counted from the end.
    Reversed {
        list: Rc<super::List>,
        left: usize,
    },
    /// Already computed items (`reversed` of other sequences).
    Items {
        items: Vec<Value>,
        pos: usize,
        name: &'static str,
    },
    Enumerate {
        inner: Value,
        n: i64,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        f: Value,
        iters: Vec<Value>,
    },
    Filter {
        f: Value,
        inner: Value,
    },
    /// A dict view (`d.keys()`): iterable again and again.
    View {
        dict: Rc<RefCell<Dict>>,
        kind: ViewKind,
    },
}

impl Iter {
    /// The type's name (`list_iterator`, `zip`, `dict_keys`, …).
    /// A dict view (`d.keys()`), which is iterable but not an iterator.
    pub fn is_view(&self) -> bool {
        matches!(self, Iter::View { .. })
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Iter::List { .. } => "list_iterator",
            Iter::Tuple { .. } => "tuple_iterator",
            Iter::Str { ascii: true, .. } => "str_ascii_iterator",
            Iter::Str { .. } => "str_iterator",
            Iter::Range { .. } => "range_iterator",
            Iter::Dict {
                kind: ViewKind::Keys,
                ..
            } => "dict_keyiterator",
            Iter::Dict {
                kind: ViewKind::Values,
                ..
            } => "dict_valueiterator",
            Iter::Dict {
                kind: ViewKind::Items,
                ..
            } => "dict_itemiterator",
            Iter::Set { .. } => "set_iterator",
            Iter::Reversed { .. } => "list_reverseiterator",
            Iter::Items { name, .. } => name,
            Iter::Enumerate { .. } => "enumerate",
            Iter::Zip { .. } => "zip",
            Iter::Map { .. } => "map",
            Iter::Filter { .. } => "filter",
            Iter::View {
                kind: ViewKind::Keys,
                ..
            } => "dict_keys",
            Iter::View {
                kind: ViewKind::Values,
                ..
            } => "dict_values",
            Iter::View {
                kind: ViewKind::Items,
                ..
            } => "dict_items",
        }
    }
}

pub fn new_iter(it: Iter) -> Value {
    Value::Iter(Rc::new(RefCell::new(it)))
}

/// `iter(v)`.
///
/// # Errors
/// `TypeError: 'int' object is not iterable`.
pub fn get_iter(v: &Value) -> PyResult {
    Ok(match v {
        Value::List(l) => new_iter(Iter::List {
            list: l.clone(),
            pos: 0,
        }),
        Value::Tuple(t) => new_iter(Iter::Tuple {
            items: t.clone(),
            pos: 0,
        }),
        Value::Str(s) => new_iter(Iter::Str {
            chars: s.chars().collect(),
            pos: 0,
            ascii: s.is_ascii(),
        }),
        Value::Range(r) => new_iter(Iter::Range {
            next: r.start,
            left: r.len(),
            step: r.step,
        }),
        Value::Dict(d) => {
            let len = d.borrow().len();
            new_iter(Iter::Dict {
                dict: d.clone(),
                kind: ViewKind::Keys,
                pos: 0,
                len,
                left: len,
            })
        }
        Value::Set(s) => {
            let len = s.borrow().len();
            new_iter(Iter::Set {
                set: s.clone(),
                pos: 0,
                len,
            })
        }
        Value::Iter(i) => {
            let view = match &*i.borrow() {
                Iter::View { dict, kind } => Some((dict.clone(), *kind)),
                _ => None,
            };
            match view {
                Some((dict, kind)) => {
                    let len = dict.borrow().len();
                    new_iter(Iter::Dict {
                        dict,
                        kind,
                        pos: 0,
                        len,
                        left: len,
                    })
                }
                None => v.clone(),
            }
        }
        Value::Gen(_) => v.clone(),
        Value::Native(n) if n.has_attr("__iter__") => crate::vm::call::call(
            &crate::vm::attr::getattr(v, &Rc::from("__iter__"))?,
            Vec::new(),
            Vec::new(),
        )?,
        Value::Instance(i) if i.class.lookup("__iter__").is_some() => {
            return Err(crate::vm::refuse("__iter__"))
        }
        other => {
            return Err(type_error(format!(
                "'{}' object is not iterable",
                crate::builtins::type_name(other)
            )))
        }
    })
}

/// `next(it)`: `None` when exhausted.
pub fn next(it: &Value) -> PyResult<Option<Value>> {
    match it {
        Value::Iter(i) => next_of(i),
        Value::Gen(g) => g.next(),
        Value::Native(n) if n.has_attr("__next__") => {
            let f = crate::vm::attr::getattr(it, &Rc::from("__next__"))?;
            match call(&f, Vec::new(), Vec::new()) {
                Ok(v) => Ok(Some(v)),
                Err(e) if e.is_a("StopIteration") => Ok(None),
                Err(e) => Err(e),
            }
        }
        other => Err(type_error(format!(
            "'{}' object is not an iterator",
            crate::builtins::type_name(other)
        ))),
    }
}

fn next_of(cell: &Rc<RefCell<Iter>>) -> PyResult<Option<Value>> {
    // Lazy iterators call other iterators or Python code: take what they need, then release.
    enum Lazy {
        Enumerate(Value, i64),
        Zip(Vec<Value>, bool),
        Map(Value, Vec<Value>),
        Filter(Value, Value),
    }
    let lazy = {
        let mut it = cell.borrow_mut();
        match &mut *it {
            Iter::List { list, pos } => {
                let l = list.borrow();
                let v = l.get(*pos).cloned();
                if v.is_some() {
                    *pos += 1;
                } else {
                    *pos = usize::MAX;
                }
                return Ok(v);
            }
            Iter::Tuple { items, pos } => {
                let v = items.get(*pos).cloned();
                *pos += 1;
                return Ok(v);
            }
            Iter::Str { chars, pos, .. } => {
                let v = chars.get(*pos).map(|c| Value::string(c.to_string()));
                *pos += 1;
                return Ok(v);
            }
            Iter::Range { next, left, step } => {
                if *left <= 0 {
                    return Ok(None);
                }
                let v = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                return Ok(Some(Value::Int(v)));
            }
            Iter::Dict {
                dict,
                kind,
                pos,
                len,
                left,
            } => {
                let d = dict.borrow();
                if d.len() != *len {
                    *len = usize::MAX;
                    return Err(runtime_error("dictionary changed size during iteration"));
                }
                while let Some(entry) = d.entry_at(*pos) {
                    *pos += 1;
                    if let Some((k, v)) = entry {
                        if *left == 0 {
                            *len = usize::MAX;
                            return Err(runtime_error("dictionary keys changed during iteration"));
                        }
                        *left -= 1;
                        return Ok(Some(match kind {
                            ViewKind::Keys => k.clone(),
                            ViewKind::Values => v.clone(),
                            ViewKind::Items => Value::tuple(vec![k.clone(), v.clone()]),
                        }));
                    }
                }
                return Ok(None);
            }
            Iter::Set { set, pos, len } => {
                let s = set.borrow();
                if s.len() != *len {
                    *len = usize::MAX;
                    return Err(runtime_error("Set changed size during iteration"));
                }
                return Ok(s.next_from(*pos).map(|(next, v)| {
                    *pos = next;
                    v
                }));
            }
            Iter::Reversed { list, left } => {
                let l = list.borrow();
                if *left == 0 || *left > l.len() {
                    *left = 0;
                    return Ok(None);
                }
                *left -= 1;
                return Ok(Some(l[*left].clone()));
            }
            Iter::Items { items, pos, .. } => {
                let v = items.get(*pos).cloned();
                *pos += 1;
                return Ok(v);
            }
            Iter::View { .. } => {
                return Err(type_error(format!(
                    "'{}' object is not an iterator",
                    it.type_name()
                )))
            }
            Iter::Enumerate { inner, n } => {
                let r = Lazy::Enumerate(inner.clone(), *n);
                *n += 1;
                r
            }
            Iter::Zip { iters, strict } => Lazy::Zip(iters.clone(), *strict),
            Iter::Map { f, iters } => Lazy::Map(f.clone(), iters.clone()),
            Iter::Filter { f, inner } => Lazy::Filter(f.clone(), inner.clone()),
        }
    };
    match lazy {
        Lazy::Enumerate(inner, n) => {
            Ok(next(&inner)?.map(|v| Value::tuple(vec![Value::Int(n), v])))
        }
        Lazy::Zip(iters, strict) => {
            let mut out = Vec::with_capacity(iters.len());
            for (k, i) in iters.iter().enumerate() {
                match next(i)? {
                    Some(v) => out.push(v),
                    None => {
                        if strict
                            && (k > 0
                                || iters[1..].iter().any(|j| next(j).ok().flatten().is_some()))
                        {
                            let which = if k > 0 {
                                format!(
                                    "argument {} is shorter than argument{}",
                                    k + 1,
                                    if k == 1 {
                                        " 1".to_string()
                                    } else {
                                        format!("s 1-{k}")
                                    }
                                )
                            } else {
                                "argument 2 is longer than argument 1".to_string()
                            };
                            return Err(crate::vm::value_error(format!("zip() {which}")));
                        }
                        return Ok(None);
                    }
                }
            }
            if iters.is_empty() {
                return Ok(None);
            }
            Ok(Some(Value::tuple(out)))
        }
        Lazy::Map(f, iters) => {
            let mut args = Vec::with_capacity(iters.len());
            for i in &iters {
                match next(i)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            Ok(Some(call(&f, args, Vec::new())?))
        }
        Lazy::Filter(f, inner) => loop {
            let Some(v) = next(&inner)? else {
                return Ok(None);
            };
            let keep = if matches!(f, Value::None) {
                truthy(&v)?
            } else {
                truthy(&call(&f, vec![v.clone()], Vec::new())?)?
            };
            if keep {
                return Ok(Some(v));
            }
        },
    }
}

/// Every item of an iterable, in order.
pub fn collect(v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.borrow().clone()),
        Value::Tuple(t) => Ok(t.to_vec()),
        Value::Range(r) => {
            let n = r.len();
            if n > 50_000_000 {
                return Err(crate::vm::stop(crate::vm::exec::MEMORY_LIMIT));
            }
            Ok((0..n).map(|i| Value::Int(r.get(i))).collect())
        }
        Value::Set(s) => Ok(s.borrow().values()),
        Value::Dict(d) => Ok(d.borrow().keys()),
        _ => {
            let it = get_iter(v)?;
            let mut out = Vec::new();
            while let Some(x) = next(&it)? {
                out.push(x);
            }
            Ok(out)
        }
    }
}
