//! Padding, sign placement and digit grouping of a formatted number (format-spec mini-language).
use super::fmtspec::FormatSpec;

/// CPython's calc_number_widths + fill_number: sign, prefix, grouped digits, rest, padding.
pub(crate) fn layout(
    spec: &FormatSpec,
    neg: &str,
    prefix: &str,
    digits: &str,
    rest: &str,
    group: usize,
) -> String {
    let sign = match (neg, spec.sign) {
        ("-", _) => "-",
        (_, Some('+')) => "+",
        (_, Some(' ')) => " ",
        _ => "",
    };
    let width = spec.width.unwrap_or(0) as isize;
    let fill = spec.fill_char();
    let align = spec.align_or('>');
    let fixed = (sign.len() + prefix.len() + rest.chars().count()) as isize;
    let min_width = if fill == '0' && align == '=' {
        width - fixed
    } else {
        0
    };
    let sep = spec.grouping.filter(|_| group > 0);
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        group_digits(digits, sep, group, min_width)
    };
    let pad = (width - fixed - grouped.len() as isize).max(0) as usize;
    let (l, s, r) = match align {
        '<' => (0, 0, pad),
        '^' => (pad / 2, 0, pad - pad / 2),
        '=' => (0, pad, 0),
        _ => (pad, 0, 0),
    };
    let f = |k: usize| fill.to_string().repeat(k);
    format!("{}{sign}{prefix}{}{grouped}{rest}{}", f(l), f(s), f(r))
}

/// _PyUnicode_InsertThousandsGrouping: groups of `size` from the right, separated by `sep`
/// (None: no separators), left-padded with zeros until at least `min_width` chars.
fn group_digits(digits: &str, sep: Option<char>, size: usize, min_width: isize) -> String {
    let size = if sep.is_some() {
        size as isize
    } else {
        isize::MAX
    };
    let (mut remaining, mut min_w) = (digits.len() as isize, min_width);
    let mut parts = Vec::new();
    loop {
        let len = size.min(remaining.max(min_w).max(1));
        let chars = remaining.min(len).max(0);
        let zeros = (len - remaining).max(0) as usize;
        let end = remaining as usize;
        parts.push("0".repeat(zeros) + &digits[end - chars as usize..end]);
        remaining -= chars;
        min_w -= len;
        if remaining <= 0 && min_w <= 0 {
            break;
        }
        min_w -= 1;
    }
    parts.reverse();
    parts.join(&sep.map(String::from).unwrap_or_default())
}
