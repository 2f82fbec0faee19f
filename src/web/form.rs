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
    /// What the sleep presets are built around, in ms: the first number the learner typed into
    /// Sleep (a preset's own output never changes it, so presets do not build on each other).
    pub sleep_base: u32,
}

/// The sleep presets' base for a sleep text, if it starts with a number.
fn base_of(sleep: &str) -> Option<u32> {
    let first = sleep.split(',').next()?.trim();
    let ms: u32 = first.parse().ok()?;
    Some(ms.clamp(100, 600_000))
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
            sleep_base: spec.scenario.sleep_of(0).clamp(100, 600_000),
        }
    }

    pub fn get(&self, key: &str) -> &str {
        self.fields
            .iter()
            .find(|(k, _)| *k == key)
            .map_or("", |(_, v)| v)
    }

    /// A field as the learner typed it.
    pub fn set(&mut self, key: &str, text: String) {
        if key == "sleep" {
            if let Some(base) = base_of(&text) {
                self.sleep_base = base;
            }
        }
        self.write(key, text);
    }

    /// Fills every task's sleep from a preset, around [`Form::sleep_base`].
    pub fn fill_sleeps(&mut self, preset: Preset, tasks: u32) {
        self.write("tasks", tasks.to_string());
        self.write("sleep", preset_sleeps(preset, tasks, self.sleep_base));
    }

    fn write(&mut self, key: &str, text: String) {
        if let Some(field) = self.fields.iter_mut().find(|(k, _)| *k == key) {
            field.1 = text;
        }
    }

    /// The query string of the non-empty fields the pattern takes, plus the view keys. Each value
    /// is percent-encoded: whatever is typed stays that field's value (`3&clock=virtual` typed
    /// into Tasks is an invalid task count, not a second key).
    pub fn query(&self, view: &View) -> String {
        let mut q = format!("pattern={}", self.pattern.name());
        for (key, text) in &self.fields {
            let text = text.trim();
            let default_flag = *key == "return_exceptions" && text == "0";
            if !text.is_empty() && !default_flag && self.pattern.takes(key) {
                q += &format!("&{key}={}", encode(&text.replace(' ', "")));
            }
        }
        q + &view.query()
    }

    /// The scenario, or the first error (whose `key()` names the field to mark).
    pub fn parse(&self, view: &View) -> Result<Spec, SpecError> {
        // Left out of a link, `tasks` means 20; a field the learner emptied means nothing yet.
        if self.get("tasks").trim().is_empty() {
            return Err(SpecError::BadValue {
                key: "tasks",
                given: String::new(),
                expected: "a number of tasks from 0 to 10000".into(),
            });
        }
        Spec::parse(&self.query(view))
    }

    /// Every field's own problem, in field order: each field is checked with the pattern and the
    /// task count alone, so one mistake does not hide another (and the one error that involves two
    /// fields, a sleep list of the wrong length, is reported on the sleep field).
    pub fn field_errors(&self, view: &View) -> Vec<SpecError> {
        let whole = match self.parse(view) {
            Ok(_) => return Vec::new(),
            Err(e) => e,
        };
        let tasks = self.get("tasks").trim();
        let mut errors = Vec::new();
        for &(key, ref text) in &self.fields {
            let text = text.trim();
            if text.is_empty() || !self.pattern.takes(key) {
                continue;
            }
            let mut alone = Form {
                pattern: self.pattern,
                fields: FIELDS.iter().map(|&k| (k, String::new())).collect(),
                sleep_base: self.sleep_base,
            };
            alone.write("tasks", tasks.to_string());
            alone.write(key, text.to_string());
            if let Err(e) = alone.parse(view) {
                if e.key() == key && !errors.iter().any(|x: &SpecError| x.key() == key) {
                    errors.push(e);
                }
            }
        }
        if errors.is_empty() || (tasks.is_empty() && errors.iter().all(|e| e.key() != "tasks")) {
            errors.insert(0, whole);
        }
        errors
    }

    /// Switches pattern. What the learner typed stays in every field: a key the new pattern does
    /// not take is left out of the query, and comes back when they switch back.
    pub fn set_pattern(&mut self, pattern: Pattern) {
        self.pattern = pattern;
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

/// A query value, percent-encoded: everything but letters, digits and `,@.-_~` (what the
/// contract's values are written with).
fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b",@.-_~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
