//! What an embed shows and allows, as its loader writes it into the frame's fragment: the panels
//! in order, the controls, whether the code can be edited, the lines to mark.

/// One panel of an embed (`panels="code,timeline"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    Code,
    Timeline,
    Console,
    Outcome,
    Inspector,
}

const PANELS: [(&str, Panel); 5] = [
    ("code", Panel::Code),
    ("timeline", Panel::Timeline),
    ("console", Panel::Console),
    ("outcome", Panel::Outcome),
    ("inspector", Panel::Inspector),
];

/// The controls an embed may show (`controls="run,step"`, or `none`).
const CONTROLS: [&str; 7] = ["run", "step", "pause", "reset", "edit", "clock", "speed"];

/// An embed's options; `None` is the default (every panel of the layout, every control).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct EmbedOptions {
    pub panels: Option<Vec<Panel>>,
    pub controls: Option<Vec<&'static str>>,
    pub readonly: bool,
    /// Lines of the code to mark (`highlight="3,5-7"`).
    pub highlight: Vec<u32>,
}

impl EmbedOptions {
    /// Whether the control `name` is shown.
    pub fn shows(&self, name: &str) -> bool {
        self.controls.as_ref().is_none_or(|c| c.contains(&name))
    }

    /// Reads one option of the fragment (`key`, its decoded `value`); `Ok(false)` if `key` is not
    /// an embed option.
    ///
    /// # Errors
    /// What is wrong with the value, and what is accepted.
    pub fn read(&mut self, key: &str, value: &str) -> Result<bool, String> {
        let items = || value.split(',').map(str::trim).filter(|s| !s.is_empty());
        match key {
            "panels" => {
                let panels = items()
                    .map(|p| {
                        PANELS.iter().find(|(n, _)| *n == p).map(|(_, p)| *p).ok_or_else(|| {
                            format!("panels: unknown panel {p:?}; accepted: code, timeline, console, outcome, inspector")
                        })
                    })
                    .collect::<Result<Vec<Panel>, String>>()?;
                self.panels = Some(panels);
            }
            "controls" if value == "none" => self.controls = Some(Vec::new()),
            "controls" => {
                let controls = items()
                    .map(|c| {
                        CONTROLS.iter().find(|n| **n == c).copied().ok_or_else(|| {
                            format!("controls: unknown control {c:?}; accepted: run, step, pause, reset, edit, clock, speed, or none")
                        })
                    })
                    .collect::<Result<Vec<&'static str>, String>>()?;
                self.controls = Some(controls);
            }
            "readonly" => self.readonly = true,
            "highlight" => {
                for item in items() {
                    let (from, to) = item.split_once('-').unwrap_or((item, item));
                    let line = |s: &str| {
                        s.trim().parse::<u32>().ok().filter(|&n| n > 0).ok_or_else(|| {
                            format!("highlight: {item:?} is not a line number or a range such as 5-7")
                        })
                    };
                    let (from, to) = (line(from)?, line(to)?);
                    self.highlight
                        .extend(from.min(to)..=to.max(from).min(from.min(to) + 10_000));
                }
            }
            _ => return Ok(false),
        }
        Ok(true)
    }
}
