//! The scenario contract (`shared/contract/scenario.md`): the query string every part speaks.
//!
//! [`Spec::parse`] reads a query string strictly; [`Scenario::canonical`] writes the canonical form
//! the outcome's `spec` field carries. Pure data: no yew, no engine.

mod error;
mod parse;
mod query;
pub(crate) mod view;

pub use error::SpecError;
pub use parse::{Limits, KEYS, SCENARIO_KEYS, VIEW_KEYS};
pub use view::{ClockKind, Speed, Theme, View};

use crate::engine::ReturnWhen;

/// How `main()` runs the work (contract section 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Pattern {
    /// `for i in range(n): await work(i)`.
    Sequential,
    /// `create_task` each, then `await` each task in turn.
    Manual,
    /// `async with asyncio.TaskGroup() as group: group.create_task(...)`.
    TaskGroup,
    /// `asyncio.wait(tasks, ...)`.
    Wait,
    /// `asyncio.gather(...)`.
    #[default]
    Gather,
}

impl Pattern {
    /// Whether this pattern takes the scenario key `key`: `cancel` all but sequential (it awaits
    /// coroutines, not tasks), `return_exceptions` only gather, `return_when` and `timeout` only
    /// wait; every other key every pattern. The parser refuses the rest; the form leaves them out.
    pub fn takes(self, key: &str) -> bool {
        match key {
            "cancel" => self != Pattern::Sequential,
            "return_exceptions" => self == Pattern::Gather,
            "return_when" | "timeout" => self == Pattern::Wait,
            _ => true,
        }
    }

    pub const ALL: [Pattern; 5] = [
        Pattern::Sequential,
        Pattern::Manual,
        Pattern::TaskGroup,
        Pattern::Wait,
        Pattern::Gather,
    ];

    /// The contract's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Pattern::Sequential => "sequential",
            Pattern::Manual => "manual",
            Pattern::TaskGroup => "taskgroup",
            Pattern::Wait => "wait",
            Pattern::Gather => "gather",
        }
    }
}

/// How long each `work(i)` sleeps, in ms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Sleeps {
    /// Every task sleeps this long.
    All(u32),
    /// Task `i` sleeps `list[i]` (exactly one per task, not all equal: the parser makes equal
    /// lists `All`).
    Each(Vec<u32>),
}

/// A parsed scenario: what the program does (contract section 1).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub pattern: Pattern,
    pub tasks: u32,
    pub sleeps: Sleeps,
    /// Indices of the failing tasks, ascending, no repeats.
    pub fail: Vec<u32>,
    /// `(task, ms)` pairs in the order given (the order their timers are armed).
    pub cancel: Vec<(u32, u32)>,
    pub interrupt: Option<u32>,
    pub linger: Option<u32>,
    pub return_exceptions: bool,
    pub return_when: ReturnWhen,
    pub timeout: Option<u32>,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            pattern: Pattern::Gather,
            tasks: 20,
            sleeps: Sleeps::All(1000),
            fail: Vec::new(),
            cancel: Vec::new(),
            interrupt: None,
            linger: None,
            return_exceptions: false,
            return_when: ReturnWhen::AllCompleted,
            timeout: None,
        }
    }
}

/// A scenario and the page's view settings, as one query string holds them.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Spec {
    pub scenario: Scenario,
    pub view: View,
}

impl Scenario {
    /// How long `work(i)` sleeps, in ms.
    pub fn sleep_of(&self, i: u32) -> u32 {
        match &self.sleeps {
            Sleeps::All(ms) => *ms,
            Sleeps::Each(list) => list[i as usize],
        }
    }

    /// Whether `work(i)` raises.
    pub fn fails(&self, i: u32) -> bool {
        self.fail.binary_search(&i).is_ok()
    }

    /// The sum of every task's sleep, in ms.
    pub fn total_sleep_ms(&self) -> u64 {
        (0..self.tasks).map(|i| self.sleep_of(i) as u64).sum()
    }

    /// The canonical query string: contract keys in contract order, `pattern`, `tasks` and `sleep`
    /// always, the others only when they differ from their defaults; `sleep` is one value when all
    /// tasks sleep alike; `fail` ascending; `cancel` in the order given. View keys are not part of it.
    pub fn canonical(&self) -> String {
        let join = |v: &mut dyn Iterator<Item = String>| v.collect::<Vec<_>>().join(",");
        let mut out = format!(
            "pattern={}&tasks={}&sleep=",
            self.pattern.name(),
            self.tasks
        );
        match &self.sleeps {
            Sleeps::Each(list) => out += &join(&mut list.iter().map(u32::to_string)),
            Sleeps::All(ms) => out += &ms.to_string(),
        }
        if !self.fail.is_empty() {
            out += "&fail=";
            out += &join(&mut self.fail.iter().map(u32::to_string));
        }
        if !self.cancel.is_empty() {
            out += "&cancel=";
            out += &join(&mut self.cancel.iter().map(|(i, ms)| format!("{i}@{ms}")));
        }
        for (key, value) in [("interrupt", self.interrupt), ("linger", self.linger)] {
            if let Some(v) = value {
                out += &format!("&{key}={v}");
            }
        }
        if self.return_exceptions {
            out += "&return_exceptions=1";
        }
        if self.return_when != ReturnWhen::AllCompleted {
            out += "&return_when=";
            out += self.return_when.name();
        }
        if let Some(t) = self.timeout {
            out += &format!("&timeout={t}");
        }
        out
    }
}

impl Spec {
    /// Parses a query string (a leading `?` is allowed) with the contract's limits.
    ///
    /// # Errors
    /// The first problem found, naming the key, what was given and what is accepted.
    pub fn parse(query: &str) -> Result<Spec, SpecError> {
        parse::parse(query, &Limits::CONTRACT)
    }

    /// [`Spec::parse`] with other limits (benchmarks run more tasks than the contract allows).
    pub fn parse_with(query: &str, limits: &Limits) -> Result<Spec, SpecError> {
        parse::parse(query, limits)
    }
}
