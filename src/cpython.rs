//! Finding the CPython that conformance tests and benchmarks run generated programs on (native only).

use std::path::{Path, PathBuf};
use std::process::Command;

/// A CPython interpreter and its version.
#[derive(Clone, Debug)]
pub struct CPython {
    pub path: PathBuf,
    pub version: (u32, u32, u32),
}

impl CPython {
    /// `3.13.0`.
    pub fn version_string(&self) -> String {
        let (a, b, c) = self.version;
        format!("{a}.{b}.{c}")
    }

    pub fn command(&self) -> Command {
        Command::new(&self.path)
    }

    /// Runs a program's source (`python -c SOURCE`) and collects what it printed.
    pub fn run_source(&self, source: &str) -> std::io::Result<std::process::Output> {
        self.command().arg("-c").arg(source).output()
    }
}

fn version_of(python: &Path) -> Option<(u32, u32, u32)> {
    let out = Command::new(python)
        .args(["-c", "import sys; print('%d %d %d' % sys.version_info[:3])"])
        .output()
        .ok()?;
    let text = String::from_utf8(out.stdout).ok()?;
    let v: Vec<u32> = text
        .split_whitespace()
        .filter_map(|s| s.parse().ok())
        .collect();
    match v.as_slice() {
        [a, b, c] => Some((*a, *b, *c)),
        _ => None,
    }
}

/// The newest CPython 3.12+ to be found: `$ASYNCIO_PLAYGROUND_PYTHON` if set, else the newest pyenv
/// version (`$PYENV_ROOT` or `~/.pyenv`), else `python3.13`, `python3.12` or `python3` on `PATH`.
pub fn find_cpython() -> Option<CPython> {
    let ok = |path: PathBuf| {
        version_of(&path)
            .filter(|v| *v >= (3, 12, 0))
            .map(|version| CPython { path, version })
    };
    if let Some(p) = std::env::var_os("ASYNCIO_PLAYGROUND_PYTHON") {
        return ok(PathBuf::from(p));
    }
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pyenv")));
    let mut found: Vec<CPython> = root
        .and_then(|r| std::fs::read_dir(r.join("versions")).ok())
        .into_iter()
        .flatten()
        .filter_map(|entry| ok(entry.ok()?.path().join("bin").join("python3")))
        .collect();
    found.sort_by_key(|py| py.version);
    if let Some(newest) = found.pop() {
        return Some(newest);
    }
    ["python3.13", "python3.12", "python3"]
        .into_iter()
        .find_map(|name| ok(PathBuf::from(name)))
}
