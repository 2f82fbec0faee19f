//! View keys: how the page shows a run (clock, speed, autorun, embed, theme); no effect on outcomes.

use super::parse::bad;
use super::SpecError;

/// Which clock the page runs the loop on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ClockKind {
    /// Real time: a 1000 ms sleep takes one second.
    #[default]
    Real,
    /// Virtual time, played at [`View::speed`].
    Virtual,
}

/// How fast virtual time plays.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Speed {
    /// This many virtual seconds per real second (0.1 to 10).
    Rate(f64),
    /// As fast as possible.
    Instant,
}

/// The colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Theme {
    /// Follow `prefers-color-scheme`.
    #[default]
    Auto,
    Light,
    Dark,
}

/// The view keys of a query string.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub clock: ClockKind,
    pub speed: Speed,
    pub autorun: bool,
    pub embed: bool,
    pub theme: Theme,
    /// Embeds only: the one origin whose messages the frame obeys (besides being its parent).
    pub origin: Option<String>,
}

impl Default for View {
    fn default() -> Self {
        View {
            clock: ClockKind::Real,
            speed: Speed::Rate(1.0),
            autorun: false,
            embed: false,
            theme: Theme::Auto,
            origin: None,
        }
    }
}

/// `scheme://host[:port]`, nothing more.
fn is_origin(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let Some(rest) = rest.strip_prefix("//") else {
        return false;
    };
    !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && rest
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-.:[]".contains(c))
}

impl View {
    pub(super) fn from_raw<'a>(get: impl Fn(&str) -> Option<&'a str>) -> Result<View, SpecError> {
        let flag = |key: &'static str| match get(key) {
            None | Some("0") => Ok(false),
            Some("1") => Ok(true),
            Some(v) => Err(bad(key, v, "0 or 1")),
        };
        Ok(View {
            clock: match get("clock") {
                None | Some("real") => ClockKind::Real,
                Some("virtual") => ClockKind::Virtual,
                Some(v) => return Err(bad("clock", v, "real or virtual")),
            },
            speed: match get("speed") {
                None => Speed::Rate(1.0),
                Some("instant") => Speed::Instant,
                Some(v) => match plain_decimal(v) {
                    Some(r) if (0.1..=10.0).contains(&r) => Speed::Rate(r),
                    _ => return Err(bad("speed", v, "a rate from 0.1 to 10, or instant")),
                },
            },
            autorun: flag("autorun")?,
            embed: flag("embed")?,
            theme: match get("theme") {
                None | Some("auto") => Theme::Auto,
                Some("light") => Theme::Light,
                Some("dark") => Theme::Dark,
                Some(v) => return Err(bad("theme", v, "auto, light or dark")),
            },
            origin: match get("origin") {
                None => None,
                Some(v) if is_origin(v) => Some(v.to_string()),
                Some(v) => return Err(bad("origin", v, "an origin such as https://example.org")),
            },
        })
    }

    /// The view keys of a query whose scenario may be invalid: each valid view key is kept, the
    /// rest are left at their defaults (an embed with a typo stays an embed, with its theme and
    /// its origin rule, and shows the error).
    pub fn lenient(query: &str) -> View {
        View::default().overlay(query)
    }

    /// This view with the valid view keys `query` gives put over it (the others stay as they are).
    pub fn overlay(&self, query: &str) -> View {
        let pairs: Vec<(String, String)> = super::query::parts(query)
            .filter_map(|(k, v)| Some((super::query::decode(k)?, super::query::decode(v)?)))
            .collect();
        let get = |key: &str| {
            pairs
                .iter()
                .rev()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let mut view = self.clone();
        for key in ["clock", "speed", "autorun", "embed", "theme", "origin"] {
            if get(key).is_none() {
                continue;
            }
            // One key at a time: an invalid one leaves the view as it was, the others still apply.
            if let Ok(one) = View::from_raw(|k| if k == key { get(k) } else { None }) {
                match key {
                    "clock" => view.clock = one.clock,
                    "speed" => view.speed = one.speed,
                    "autorun" => view.autorun = one.autorun,
                    "embed" => view.embed = one.embed,
                    "theme" => view.theme = one.theme,
                    _ => view.origin = one.origin,
                }
            }
        }
        view
    }

    /// The view keys that differ from their defaults, as `&key=value` pairs.
    pub fn query(&self) -> String {
        let mut out = String::new();
        if self.clock == ClockKind::Virtual {
            out += "&clock=virtual";
        }
        match self.speed {
            Speed::Instant => out += "&speed=instant",
            Speed::Rate(r) if r != 1.0 => out += &format!("&speed={}", rate_text(r)),
            Speed::Rate(_) => {}
        }
        for (key, on) in [("autorun", self.autorun), ("embed", self.embed)] {
            if on {
                out += &format!("&{key}=1");
            }
        }
        match self.theme {
            Theme::Auto => {}
            Theme::Light => out += "&theme=light",
            Theme::Dark => out += "&theme=dark",
        }
        if let Some(origin) = &self.origin {
            out += "&origin=";
            out += &origin.replace(':', "%3A").replace('/', "%2F");
        }
        out
    }
}

/// `digits[.digits]` (no sign, exponent, `inf` or `nan`) as a number. Written out rather than
/// `str::parse::<f64>`, whose tables would add about 10 KB to the page's download.
fn plain_decimal(text: &str) -> Option<f64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if int.len() + frac.len() == 0 || int.len() + frac.len() > 15 {
        return None;
    }
    let mantissa = int.bytes().chain(frac.bytes()).try_fold(0u64, |m, b| {
        b.is_ascii_digit().then(|| m * 10 + u64::from(b - b'0'))
    })?;
    Some(mantissa as f64 / 10f64.powi(frac.len() as i32))
}

/// A rate as the shortest decimal with up to 3 digits (`0.5`, `2`, `0.25`), without float formatting.
pub(crate) fn rate_text(r: f64) -> String {
    crate::time_text::trimmed_thousandths((r * 1000.0).round() as u64)
}
