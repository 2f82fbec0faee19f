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

/// The CPython the tests take as the oracle: 3.13.0 (`../shared/toolchain.md`: pin it).
pub const ORACLE_VERSION: (u32, u32, u32) = (3, 13, 0);

/// CPython 3.13.0: `$ASYNCIO_PLAYGROUND_PYTHON` if set (it must be 3.13.0), else pyenv's
/// (`$PYENV_ROOT` or `~/.pyenv`, `versions/3.13.0`), else `python3.13` or `python3` on `PATH`
/// if one of them is 3.13.0.
pub fn find_cpython() -> Option<CPython> {
    let ok = |path: PathBuf| {
        version_of(&path)
            .filter(|v| *v == ORACLE_VERSION)
            .map(|version| CPython { path, version })
    };
    if let Some(p) = std::env::var_os("ASYNCIO_PLAYGROUND_PYTHON") {
        return ok(PathBuf::from(p));
    }
    let root = std::env::var_os("PYENV_ROOT")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".pyenv")));
    if let Some(py) = root.and_then(|r| ok(r.join("versions/3.13.0/bin/python3"))) {
        return Some(py);
    }
    ["python3.13", "python3"]
        .into_iter()
        .find_map(|name| ok(PathBuf::from(name)))
}

/// CPython 3.13.0, or a panic that says loudly what is missing and how to get it: a test
/// checked against CPython fails, never skips, without its oracle.
///
/// # Panics
/// When no CPython 3.13.0 is found.
pub fn require_cpython(test: &str) -> CPython {
    match find_cpython() {
        Some(py) => py,
        None => panic!(
            "\n************************************************************\n\
             * {test}: CPython 3.13.0, the oracle, was not found.\n\
             * `scripts/setup.sh test` installs it with pyenv; or set\n\
             * ASYNCIO_PLAYGROUND_PYTHON to a CPython 3.13.0 binary.\n\
             ************************************************************\n"
        ),
    }
}
