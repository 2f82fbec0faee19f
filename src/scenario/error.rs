//! [`SpecError`]: what was wrong with a query string, in one line that names the key.

use std::fmt::{self, Write};

/// Why a query string is not a valid scenario. `Display` gives the one-line message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecError {
    /// A key the contract does not know.
    UnknownKey {
        key: String,
        suggestion: Option<&'static str>,
    },
    /// A key given more than once.
    Duplicate { key: String },
    /// A value not of the key's form, or out of range.
    BadValue {
        key: &'static str,
        given: String,
        expected: String,
    },
    /// A key the chosen pattern does not take.
    NotForPattern {
        key: &'static str,
        pattern: &'static str,
        allowed: &'static str,
    },
    /// A `sleep` list whose length differs from `tasks`.
    SleepLength { given: usize, tasks: u32 },
    /// A task index (in `fail` or `cancel`) that is not below `tasks`.
    IndexOutOfRange {
        key: &'static str,
        index: u32,
        tasks: u32,
    },
    /// A task listed twice in `fail`.
    Repeated { key: &'static str, index: u32 },
}

impl SpecError {
    /// The key the error is about.
    pub fn key(&self) -> &str {
        match self {
            SpecError::UnknownKey { key, .. } | SpecError::Duplicate { key } => key,
            SpecError::BadValue { key, .. }
            | SpecError::NotForPattern { key, .. }
            | SpecError::IndexOutOfRange { key, .. }
            | SpecError::Repeated { key, .. } => key,
            SpecError::SleepLength { .. } => "sleep",
        }
    }
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::UnknownKey { key, suggestion } => {
                write!(f, "unknown key {}", Quoted(key))?;
                if let Some(s) = suggestion {
                    write!(f, " (did you mean {}?)", Quoted(s))?;
                }
                f.write_str("; known keys: ")?;
                for (i, key) in super::KEYS.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    f.write_str(key)?;
                }
                Ok(())
            }
            SpecError::Duplicate { key } => write!(f, "{key} is given more than once; give each key once"),
            SpecError::BadValue { key, given, expected } => {
                write!(f, "{key}: {} is not accepted; expected {expected}", Quoted(given))
            }
            SpecError::NotForPattern { key, pattern, allowed } => {
                write!(f, "{key} does not apply to pattern={pattern}; it is accepted with {allowed}")
            }
            SpecError::SleepLength { given, tasks } => write!(
                f,
                "sleep: {given} values given but tasks={tasks}; give one value for every task, or exactly {tasks}"
            ),
            SpecError::IndexOutOfRange { key, index, tasks } => match tasks {
                0 => write!(f, "{key}: task {index} does not exist; tasks=0 has no tasks"),
                _ => write!(f, "{key}: task {index} does not exist; task indices are 0 to {}", tasks - 1),
            },
            SpecError::Repeated { key, index } => write!(f, "{key}: task {index} is listed twice; list each task once"),
        }
    }
}

impl std::error::Error for SpecError {}

/// `text` in double quotes, escaped as `{:?}` escapes it for every character but non-printable ones
/// outside the control range: `Debug`'s Unicode tables would add 2 KB to the page's download.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                '\0' => f.write_str("\\0")?,
                c if c.is_control() => write!(f, "\\u{{{:x}}}", c as u32)?,
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
}
