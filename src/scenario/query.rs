//! A query string split into known keys and percent-decoded values; unknown keys get a suggestion.

use super::parse::{bad, KEYS};
use super::SpecError;

/// The key/value pairs of a query string, percent-decoded, each known key at most once.
pub(super) struct Raw {
    pairs: Vec<(&'static str, String)>,
}

/// The raw `key=value` parts of a query string (a leading `?` allowed), not yet decoded.
pub(super) fn parts(query: &str) -> impl Iterator<Item = (&str, &str)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|part| part.split_once('=').unwrap_or((part, "")))
}

impl Raw {
    pub(super) fn split(query: &str) -> Result<Raw, SpecError> {
        let mut pairs: Vec<(&'static str, String)> = Vec::new();
        for (k, v) in parts(query) {
            let key = decode(k).unwrap_or_else(|| k.to_string());
            let Some(&known) = KEYS.iter().find(|&&known| known == key) else {
                return Err(SpecError::UnknownKey {
                    suggestion: closest(&key),
                    key,
                });
            };
            let value = decode(v).ok_or_else(|| bad(known, v, "valid percent-encoding (%XX)"))?;
            if pairs.iter().any(|(k, _)| *k == known) {
                return Err(SpecError::Duplicate {
                    key: known.to_string(),
                });
            }
            pairs.push((known, value));
        }
        Ok(Raw { pairs })
    }

    pub(super) fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Percent-decoding; `None` for a malformed escape or bytes that are not UTF-8.
pub(super) fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The known key closest to `key` (edit distance at most 3, and less than its length).
fn closest(key: &str) -> Option<&'static str> {
    let lower = key.to_ascii_lowercase();
    KEYS.iter()
        .map(|&k| (edit_distance(&lower, k), k))
        .filter(|&(d, _)| d <= 3 && d < key.len().max(1))
        .min()
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for j in 0..b.len() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != b[j]))
                .min(row[j] + 1)
                .min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
