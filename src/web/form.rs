//! The scenario form: the text of each field, turned into a query string and checked by the
//! contract's own parser (so the page accepts exactly what the CLI accepts). No UI code here.

use crate::scenario::{Pattern, Spec, SpecError, View, SCENARIO_KEYS};

/// The editable scenario keys, in contract order (pattern is chosen apart).
pub const FIELDS: &[&str] = SCENARIO_KEYS.split_at(1).1;

/// The text of every field; an empty field means the key is left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Form {
    pub pattern: Pattern,
    /// `(key, text)` for each of [`FIELDS`].
    pub fields: Vec<(&'static str, String)>,
}

impl Form {
    /// The form showing a parsed spec (canonical values).
    pub fn from_spec(spec: &Spec) -> Form {
        let canonical = spec.scenario.canonical();
        let value = |key: &str| {
            canonical
                .split('&')
                .find_map(|kv| kv.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
                .unwrap_or("")
                .to_string()
        };
        Form {
            pattern: spec.scenario.pattern,
            fields: FIELDS.iter().map(|&k| (k, value(k))).collect(),
        }
    }

    pub fn get(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v)
    }

    pub fn set(&mut self, key: &str, text: String) {
        if let Some(field) = self.fields.iter_mut().find(|(k, _)| *k == key) {
            field.1 = text;
        }
    }

    /// The query string of the non-empty fields, plus the view keys.
    pub fn query(&self, view: &View) -> String {
        let mut q = format!("pattern={}", self.pattern.name());
        for (key, text) in &self.fields {
            let text = text.trim();
            let default_flag = *key == "return_exceptions" && text == "0";
            if !text.is_empty() && !default_flag {
                q += &format!("&{key}={}", text.replace(' ', ""));
            }
        }
        q + &view.query()
    }

    /// The scenario, or the first error (whose `key()` names the field to mark).
    pub fn parse(&self, view: &View) -> Result<Spec, SpecError> {
        Spec::parse(&self.query(view))
    }

    /// Switches pattern, dropping the keys the new pattern does not take.
    pub fn set_pattern(&mut self, pattern: Pattern) {
        self.pattern = pattern;
        let drop: &[&str] = match pattern {
            Pattern::Sequential => &["cancel", "return_exceptions", "return_when", "timeout"],
            Pattern::Gather => &["return_when", "timeout"],
            Pattern::Wait => &["return_exceptions"],
            Pattern::Manual | Pattern::TaskGroup => {
                &["return_exceptions", "return_when", "timeout"]
            }
        };
        for key in drop {
            self.set(key, String::new());
        }
    }
}

/// Ways to fill in every task's sleep at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// Every task sleeps `base` ms.
    Equal,
    /// Task i sleeps `base * (i + 1)`.
    Staggered,
    /// Task i sleeps `base * (n - i)`.
    Reversed,
    /// Each task sleeps a pseudo-random time up to `2 * base`, from `seed`.
    Random(u64),
}

/// The `sleep` text for a preset over `tasks` tasks around `base` ms (capped at the contract's limit).
pub fn preset_sleeps(preset: Preset, tasks: u32, base: u32) -> String {
    let cap = |ms: u64| ms.min(600_000).to_string();
    if tasks <= 1 || preset == Preset::Equal {
        return base.to_string();
    }
    let n = tasks as u64;
    let base = base as u64;
    let list: Vec<String> = match preset {
        Preset::Staggered => (0..n).map(|i| cap(base * (i + 1))).collect(),
        Preset::Reversed => (0..n).map(|i| cap(base * (n - i))).collect(),
        Preset::Random(seed) => {
            let mut x = seed | 1;
            (0..n)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    cap(x % (2 * base + 1))
                })
                .collect()
        }
        Preset::Equal => unreachable!(),
    };
    list.join(",")
}
