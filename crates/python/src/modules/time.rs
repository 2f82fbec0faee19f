//! The `time` module on the program's clock: `sleep` blocks the loop (nothing else runs), the
//! readings are virtual time (`time()` counts from 1700000000.0).

use super::module;
use crate::builtins::type_name;
use crate::host::Py;
use crate::objects::{BuiltinFn, Value};
use crate::vm::ops::as_float;
use crate::vm::{interp, type_error, value_error, PyResult};
use asyncio_playground_engine::clock::{seconds_to_us, us_to_seconds};
use asyncio_playground_engine::Api;
use std::rc::Rc;

type Kw = Vec<(Rc<str>, Value)>;

/// Where `time.time()` starts.
pub const EPOCH: f64 = 1_700_000_000.0;

fn sleep(_: Option<&Value>, args: Vec<Value>, _: Kw) -> PyResult {
    let s = match args.first() {
        Some(v) => as_float(v).ok_or_else(|| {
            type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                type_name(v)
            ))
        })?,
        None => {
            return Err(type_error(
                "time.sleep() takes exactly one argument (0 given)",
            ))
        }
    };
    if s.is_nan() {
        return Err(value_error("Invalid value NaN (not a number)"));
    }
    if s < 0.0 {
        return Err(value_error("sleep length must be non-negative"));
    }
    let us = seconds_to_us(s);
    interp::with(|i| i.line.get());
    if Api::<Py>::try_with(|c| {
        c.set_line(interp::line());
        c.block(us)
    })
    .is_none()
    {
        interp::with(|i| i.clock.set(i.clock.get().saturating_add(us)));
    }
    Ok(Value::None)
}

fn monotonic(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    crate::vm::frame::no_arguments_c("time.monotonic", &args, &kwargs)?;
    Ok(Value::Float(us_to_seconds(interp::now())))
}

fn perf_counter(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    crate::vm::frame::no_arguments_c("time.perf_counter", &args, &kwargs)?;
    Ok(Value::Float(us_to_seconds(interp::now())))
}

fn time(_: Option<&Value>, args: Vec<Value>, kwargs: Kw) -> PyResult {
    crate::vm::frame::no_arguments_c("time.time", &args, &kwargs)?;
    Ok(Value::Float(EPOCH + us_to_seconds(interp::now())))
}

const FUNCTIONS: &[(&str, BuiltinFn)] = &[
    ("sleep", sleep),
    ("time", time),
    ("perf_counter", perf_counter),
    ("monotonic", monotonic),
];

/// Names of CPython's `time` the playground does not have.
pub const REFUSED: &[&str] = &[
    "process_time",
    "thread_time",
    "time_ns",
    "perf_counter_ns",
    "monotonic_ns",
    "localtime",
    "gmtime",
    "strftime",
    "strptime",
    "ctime",
    "asctime",
    "mktime",
    "sleep_ns",
];

pub fn make() -> Value {
    module("time", FUNCTIONS, Vec::new())
}
