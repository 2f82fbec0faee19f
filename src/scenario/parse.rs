//! Strict parsing of the query string: every key known, given once, of its form, and in range.

use super::query::Raw;
use super::view::View;
use super::{Pattern, Scenario, Sleeps, Spec, SpecError};
use crate::engine::ReturnWhen;

/// The bounds that keep every run finite and small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most tasks (`tasks`, or the length of a `sleep` list).
    pub max_tasks: u32,
    /// The largest time in ms for `sleep`, `cancel`, `interrupt`, `linger` and `timeout`.
    pub max_ms: u32,
}

impl Limits {
    /// The contract's limits: 0..=10000 tasks, times 0..=600000 ms.
    pub const CONTRACT: Limits = Limits {
        max_tasks: 10_000,
        max_ms: 600_000,
    };
}

/// The scenario keys, in contract order (the canonical order).
pub const SCENARIO_KEYS: [&str; 10] = [
    "pattern",
    "tasks",
    "sleep",
    "fail",
    "cancel",
    "interrupt",
    "linger",
    "return_exceptions",
    "return_when",
    "timeout",
];
/// The view keys (the page and embeds use them; the CLI accepts them and ignores them).
pub const VIEW_KEYS: [&str; 6] = ["clock", "speed", "autorun", "embed", "theme", "origin"];
/// Every key, scenario keys first.
pub const KEYS: [&str; SCENARIO_KEYS.len() + VIEW_KEYS.len()] = {
    let mut keys = [""; SCENARIO_KEYS.len() + VIEW_KEYS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = if i < SCENARIO_KEYS.len() {
            SCENARIO_KEYS[i]
        } else {
            VIEW_KEYS[i - SCENARIO_KEYS.len()]
        };
        i += 1;
    }
    keys
};

pub(super) fn parse(query: &str, limits: &Limits) -> Result<Spec, SpecError> {
    let raw = Raw::split(query)?;
    let ms = |key: &'static str| -> Result<Option<u32>, SpecError> {
        raw.get(key)
            .map(|v| int(key, v, limits.max_ms, "ms"))
            .transpose()
    };
    let pattern = match raw.get("pattern") {
        None => Pattern::default(),
        Some(v) => Pattern::ALL
            .into_iter()
            .find(|p| p.name() == v)
            .ok_or_else(|| SpecError::BadValue {
                key: "pattern",
                given: v.to_string(),
                expected: "one of sequential, manual, taskgroup, wait, gather".into(),
            })?,
    };
    let sleep_list = match raw.get("sleep") {
        None => vec![1000],
        Some(v) => list("sleep", v, |item| int("sleep", item, limits.max_ms, "ms"))?,
    };
    let tasks = match raw.get("tasks") {
        Some(v) => int("tasks", v, limits.max_tasks, "tasks")?,
        None if sleep_list.len() > 1 => {
            let n = sleep_list.len();
            u32::try_from(n)
                .ok()
                .filter(|&n| n <= limits.max_tasks)
                .ok_or_else(|| SpecError::BadValue {
                    key: "sleep",
                    given: format!("a list of {n} values"),
                    expected: format!("at most {} values (one per task)", limits.max_tasks),
                })?
        }
        None => 20,
    };
    let sleeps = match sleep_list.as_slice() {
        [one] => Sleeps::All(*one),
        list if list.iter().all(|&s| s == list[0]) && list.len() == tasks as usize => {
            Sleeps::All(list[0])
        }
        list if list.len() == tasks as usize => Sleeps::Each(sleep_list),
        list => {
            return Err(SpecError::SleepLength {
                given: list.len(),
                tasks,
            })
        }
    };
    let index = |key: &'static str, item: &str| -> Result<u32, SpecError> {
        let i = int(key, item, u32::MAX, "task index")?;
        if i >= tasks {
            return Err(SpecError::IndexOutOfRange {
                key,
                index: i,
                tasks,
            });
        }
        Ok(i)
    };
    let mut fail = match raw.get("fail") {
        None => Vec::new(),
        Some(v) => list("fail", v, |item| index("fail", item))?,
    };
    if !fail.is_empty() {
        // In index order, each once (a bitmap rather than a sort: smaller in the page's download).
        let mut listed = vec![false; tasks as usize];
        for &i in &fail {
            if std::mem::replace(&mut listed[i as usize], true) {
                return Err(SpecError::Repeated {
                    key: "fail",
                    index: i,
                });
            }
        }
        fail = (0..tasks).filter(|&i| listed[i as usize]).collect();
    }
    let cancel = match raw.get("cancel") {
        None => Vec::new(),
        Some(_) if !pattern.takes("cancel") => {
            let allowed =
                "manual, taskgroup, wait and gather (sequential awaits coroutines, not tasks)";
            return Err(SpecError::NotForPattern {
                key: "cancel",
                pattern: pattern.name(),
                allowed,
            });
        }
        Some(v) => list("cancel", v, |item| {
            let bad = || SpecError::BadValue {
                key: "cancel",
                given: item.to_string(),
                expected: format!(
                    "task@ms pairs such as 1@500 (ms from 0 to {})",
                    limits.max_ms
                ),
            };
            let (i, at) = item.split_once('@').ok_or_else(bad)?;
            Ok((
                index("cancel", i)?,
                int("cancel", at, limits.max_ms, "ms").map_err(|_| bad())?,
            ))
        })?,
    };
    // Which pattern takes which key is `Pattern::takes` (the form reads the same table).
    let only = |key: &'static str, allowed: &'static str| -> Result<Option<&str>, SpecError> {
        match raw.get(key) {
            Some(_) if !pattern.takes(key) => Err(SpecError::NotForPattern {
                key,
                pattern: pattern.name(),
                allowed,
            }),
            other => Ok(other),
        }
    };
    let return_exceptions = match only("return_exceptions", "pattern=gather")? {
        None | Some("0") => false,
        Some("1") => true,
        Some(v) => return Err(bad("return_exceptions", v, "0 or 1")),
    };
    let return_when = match only("return_when", "pattern=wait")? {
        None | Some("ALL_COMPLETED") => ReturnWhen::AllCompleted,
        Some("FIRST_COMPLETED") => ReturnWhen::FirstCompleted,
        Some("FIRST_EXCEPTION") => ReturnWhen::FirstException,
        Some(v) => {
            return Err(bad(
                "return_when",
                v,
                "ALL_COMPLETED, FIRST_COMPLETED or FIRST_EXCEPTION",
            ))
        }
    };
    only("timeout", "pattern=wait")?;
    let scenario = Scenario {
        pattern,
        tasks,
        sleeps,
        fail,
        cancel,
        interrupt: ms("interrupt")?,
        linger: ms("linger")?,
        return_exceptions,
        return_when,
        timeout: ms("timeout")?,
    };
    let view = View::from_raw(|key| raw.get(key))?;
    Ok(Spec { scenario, view })
}

pub(super) fn bad(key: &'static str, given: &str, expected: &str) -> SpecError {
    SpecError::BadValue {
        key,
        given: given.to_string(),
        expected: expected.to_string(),
    }
}

/// A whole number from 0 to `max`, digits only.
fn int(key: &'static str, s: &str, max: u32, what: &str) -> Result<u32, SpecError> {
    let ok = !s.is_empty() && s.len() <= 10 && s.bytes().all(|b| b.is_ascii_digit());
    match s.parse::<u64>() {
        Ok(n) if ok && n <= max as u64 => Ok(n as u32),
        _ if max == u32::MAX => Err(bad(key, s, &format!("a {what}: a whole number"))),
        _ => Err(bad(
            key,
            s,
            &format!("a whole number of {what} from 0 to {max}"),
        )),
    }
}

/// A non-empty comma list, each item read by `item`.
fn list<T>(
    key: &'static str,
    s: &str,
    item: impl Fn(&str) -> Result<T, SpecError>,
) -> Result<Vec<T>, SpecError> {
    if s.is_empty() {
        return Err(bad(key, s, "a comma-separated list with at least one item"));
    }
    s.split(',').map(item).collect()
}
