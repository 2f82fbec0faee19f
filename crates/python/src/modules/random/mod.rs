//! The `random` module: CPython's Mersenne Twister (`generator.rs`, `mt.rs`), value for value,
//! seeded with `random.seed(0)` when the program never seeds it.

mod generator;
mod mt;
mod sha512;

pub use generator::{ErrorKind, RandError, Random};

use super::module;
use crate::builtins::functions::take_kwargs;
use crate::builtins::type_name;
use crate::objects::iter::collect;
use crate::objects::{BuiltinFn, Value};
use crate::vm::ops::{as_float, as_int};
use crate::vm::{exc, interp, type_error, PyResult};
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

fn raise(e: RandError) -> crate::objects::Raised {
    let class = match e.kind {
        ErrorKind::ValueError => "ValueError",
        ErrorKind::TypeError => "TypeError",
        ErrorKind::IndexError => "IndexError",
    };
    exc(class, e.message)
}

fn with<R>(f: impl FnOnce(&mut Random) -> R) -> R {
    interp::with(|i| f(&mut i.random.borrow_mut()))
}

fn int_arg(v: &Value) -> PyResult<i64> {
    as_int(v).ok_or_else(|| {
        type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            type_name(v)
        ))
    })
}

fn float_arg(v: &Value) -> PyResult<f64> {
    as_float(v).ok_or_else(|| type_error(format!("must be real number, not {}", type_name(v))))
}

fn seed(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("seed", kwargs, &["a", "version"])?;
    interp::with(|i| i.seeded.set(true));
    match args.first().or(kw[0].as_ref()) {
        None | Some(Value::None) => with(|r| r.seed_int(0)),
        Some(Value::Int(a)) => with(|r| r.seed_int(*a)),
        Some(Value::Bool(b)) => with(|r| r.seed_int(*b as i64)),
        Some(Value::Float(f)) => with(|r| r.seed_float(*f)),
        Some(Value::Str(s)) => with(|r| r.seed_bytes_v2(s.as_bytes())),
        Some(other) => {
            return Err(type_error(format!(
                "The only supported seed types are:\nNone, int, float, str, bytes, and bytearray.\n (got {})",
                type_name(other)
            )))
        }
    }
    Ok(Value::None)
}

fn random(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    crate::vm::frame::no_arguments_c("Random.random", &args, &kwargs)?;
    Ok(Value::Float(with(|r| r.random())))
}

fn uniform(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let args = python_method("Random.uniform", &["a", "b"], args, kwargs)?;
    let (a, b) = (float_arg(&args[0])?, float_arg(&args[1])?);
    Ok(Value::Float(with(|r| r.uniform(a, b))))
}

/// The arguments of `Random.{name}` (Python code in CPython, all of whose parameters here are
/// positional and required), bound as CPython binds them: by position or by keyword.
fn python_method(
    qualname: &str,
    params: &[&str],
    args: Vec<Value>,
    kwargs: Kw,
) -> PyResult<Vec<Value>> {
    let n = params.len();
    crate::vm::frame::bind_positional(qualname, params, n, true, &[], args, kwargs).map(|(a, _)| a)
}

fn randint(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let args = python_method("Random.randint", &["a", "b"], args, kwargs)?;
    let (a, b) = (int_arg(&args[0])?, int_arg(&args[1])?);
    with(|r| r.randint(a, b)).map(Value::Int).map_err(raise)
}

fn randrange(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("randrange", kwargs, &["start", "stop", "step"])?;
    let start = args.first().or(kw[0].as_ref()).ok_or_else(|| {
        type_error("Random.randrange() missing 1 required positional argument: 'start'")
    })?;
    let start = int_arg(start)?;
    let stop = match args.get(1).or(kw[1].as_ref()) {
        None | Some(Value::None) => None,
        Some(v) => Some(int_arg(v)?),
    };
    let step = match args.get(2).or(kw[2].as_ref()) {
        None => 1,
        Some(v) => int_arg(v)?,
    };
    with(|r| r.randrange(start, stop, step))
        .map(Value::Int)
        .map_err(raise)
}

fn sequence(v: &Value, what: &str) -> PyResult<Vec<Value>> {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_) => collect(v),
        Value::Set(_) | Value::Dict(_) => Err(type_error(
            "Population must be a sequence.  For dicts or sets, use sorted(d).".to_string(),
        )),
        other => Err(type_error(format!(
            "{what}: '{}' object is not subscriptable",
            type_name(other)
        ))),
    }
}

fn choice(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let args = python_method("Random.choice", &["seq"], args, kwargs)?;
    let seq = &args[0];
    let items = match seq {
        Value::Set(_) | Value::Dict(_) => {
            return Err(type_error(format!(
                "'{}' object is not subscriptable",
                type_name(seq)
            )))
        }
        other => sequence(other, "choice")?,
    };
    let i = with(|r| r.choice_index(items.len())).map_err(raise)?;
    Ok(items[i].clone())
}

fn choices(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs(
        "choices",
        kwargs,
        &["population", "weights", "cum_weights", "k"],
    )?;
    let pop = args.first().or(kw[0].as_ref()).ok_or_else(|| {
        type_error("Random.choices() missing 1 required positional argument: 'population'")
    })?;
    let items = sequence(pop, "choices")?;
    let floats = |v: &Option<Value>| -> PyResult<Option<Vec<f64>>> {
        match v {
            None | Some(Value::None) => Ok(None),
            Some(w) => Ok(Some(
                collect(w)?.iter().map(float_arg).collect::<PyResult<_>>()?,
            )),
        }
    };
    let weights = floats(&args.get(1).cloned().or(kw[1].clone()))?;
    let cum = floats(&kw[2])?;
    let k = match &kw[3] {
        None => 1,
        Some(v) => int_arg(v)?,
    };
    let idx = with(|r| r.choices_indices(items.len(), weights.as_deref(), cum.as_deref(), k))
        .map_err(raise)?;
    Ok(Value::list(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn shuffle(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let args = python_method("Random.shuffle", &["x"], args, kwargs)?;
    match args.first() {
        Some(Value::List(l)) => {
            let mut items = l.borrow().clone();
            with(|r| r.shuffle(&mut items));
            *l.borrow_mut() = items;
            Ok(Value::None)
        }
        Some(other) => Err(type_error(format!(
            "'{}' object does not support item assignment",
            type_name(other)
        ))),
        None => Err(type_error(
            "Random.shuffle() missing 1 required positional argument: 'x'",
        )),
    }
}

fn sample(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("sample", kwargs, &["population", "k", "counts"])?;
    if kw[2].is_some() {
        return Err(crate::vm::refuse("random.sample(counts=...)"));
    }
    let pop = args.first().or(kw[0].as_ref()).ok_or_else(|| {
        type_error("Random.sample() missing 2 required positional arguments: 'population' and 'k'")
    })?;
    let items = sequence(pop, "sample")?;
    let k = args
        .get(1)
        .or(kw[1].as_ref())
        .ok_or_else(|| type_error("Random.sample() missing 1 required positional argument: 'k'"))?;
    let k = int_arg(k)?;
    let idx = with(|r| r.sample_indices(items.len(), k)).map_err(raise)?;
    Ok(Value::list(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn gauss(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    let kw = take_kwargs("gauss", kwargs, &["mu", "sigma"])?;
    let mu = match args.first().or(kw[0].as_ref()) {
        Some(v) => float_arg(v)?,
        None => 0.0,
    };
    let sigma = match args.get(1).or(kw[1].as_ref()) {
        Some(v) => float_arg(v)?,
        None => 1.0,
    };
    Ok(Value::Float(with(|r| r.gauss(mu, sigma))))
}

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("seed", seed),
    ("random", random),
    ("uniform", uniform),
    ("randint", randint),
    ("randrange", randrange),
    ("choice", choice),
    ("choices", choices),
    ("shuffle", shuffle),
    ("sample", sample),
    ("gauss", gauss),
];

/// Names of CPython's `random` the playground does not have.
pub const REFUSED: &[&str] = &[
    "getrandbits",
    "getstate",
    "setstate",
    "randbytes",
    "triangular",
    "betavariate",
    "expovariate",
    "gammavariate",
    "lognormvariate",
    "normalvariate",
    "vonmisesvariate",
    "paretovariate",
    "weibullvariate",
    "binomialvariate",
    "Random",
    "SystemRandom",
];

pub fn make() -> Value {
    module("random", FUNCTIONS, Vec::new())
}
