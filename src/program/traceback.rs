//! The end of the traceback Python prints for an uncaught exception (3.13's layout, frames elided).

use crate::engine::Exc;

/// The lines Python 3.13 prints on stderr when `asyncio.run` raises `exc`, frames shown as `...`.
pub fn traceback(exc: &Exc) -> Vec<String> {
    match exc {
        Exc::Cancelled => vec![
            "Traceback (most recent call last):".into(),
            "  ...".into(),
            "asyncio.exceptions.CancelledError".into(),
        ],
        Exc::TaskGroup(list) => {
            let mut out = vec![
                "  + Exception Group Traceback (most recent call last):".to_string(),
                "  |   ...".to_string(),
                format!("  | ExceptionGroup: {exc}"),
            ];
            for (i, e) in list.iter().enumerate() {
                let label = format!(" {} ", i + 1);
                let head = if i == 0 { "  +-+" } else { "    +" };
                out.push(format!("{head}{label:-^35}"));
                out.push("    | Traceback (most recent call last):".into());
                out.push("    |   ...".into());
                out.push(format!("    | {}: {e}", e.type_name()));
            }
            out.push(format!("    +{}", "-".repeat(36)));
            out
        }
        other => vec![
            "Traceback (most recent call last):".into(),
            "  ...".into(),
            format!("{}: {other}", other.type_name()),
        ],
    }
}
