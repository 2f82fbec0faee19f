//! format(x, spec) / f-string `{x:spec}` for float, int and str, as CPython 3.13 renders them.
use super::layout::layout;
use super::repr::{double_to_string, err, ErrKind::*, PyErr, MAX_OUTPUT};

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// Fill char when given together with an alignment.
    pub fill: Option<char>,
    /// One of `<`, `>`, `=`, `^`, if given.
    pub align: Option<char>,
    /// One of `+`, `-`, ` `, if given.
    pub sign: Option<char>,
    /// `z`: negative zero prints as zero.
    pub no_neg_0: bool,
    /// `#`: alternate form.
    pub alt: bool,
    /// A `0` before the width (without an explicit fill).
    pub zero: bool,
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
    /// The whole spec when unparsable chars trail it; reported per type when formatting.
    junk: Option<String>,
}

/// Reads ASCII digits at `*pos`; None when there are none.
fn digits(c: &[char], pos: &mut usize) -> Result<Option<usize>, PyErr> {
    let start = *pos;
    let mut acc: usize = 0;
    while let Some(d) = c.get(*pos).and_then(|ch| ch.to_digit(10)) {
        acc = match acc.checked_mul(10).and_then(|a| a.checked_add(d as usize)) {
            Some(a) if a <= isize::MAX as usize => a,
            _ => return err(ValueError, "Too many decimal digits in format string"),
        };
        *pos += 1;
    }
    Ok(if *pos > start { Some(acc) } else { None })
}

impl FormatSpec {
    /// Parses a spec. Errors that CPython raises before knowing the type come back here;
    /// trailing junk and grouping/type clashes are reported by the `format_*` functions.
    pub fn parse(spec: &str) -> Result<FormatSpec, PyErr> {
        let c: Vec<char> = spec.chars().collect();
        let is_align = |ch: Option<&char>| matches!(ch, Some('<' | '>' | '=' | '^'));
        let mut f = FormatSpec {
            fill: None,
            align: None,
            sign: None,
            no_neg_0: false,
            alt: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
            junk: None,
        };
        let mut p = 0;
        if is_align(c.get(1)) {
            (f.fill, f.align, p) = (Some(c[0]), Some(c[1]), 2);
        } else if is_align(c.first()) {
            (f.align, p) = (Some(c[0]), 1);
        }
        let eat = |p: &mut usize, ch: char| (c.get(*p) == Some(&ch)).then(|| *p += 1).is_some();
        if let Some(&s @ ('+' | '-' | ' ')) = c.get(p) {
            f.sign = Some(s);
            p += 1;
        }
        f.no_neg_0 = eat(&mut p, 'z');
        f.alt = eat(&mut p, '#');
        f.zero = f.fill.is_none() && eat(&mut p, '0');
        f.width = digits(&c, &mut p)?;
        if eat(&mut p, ',') {
            f.grouping = Some(',');
        }
        if eat(&mut p, '_') {
            if f.grouping.is_some() {
                return err(ValueError, "Cannot specify both ',' and '_'.");
            }
            f.grouping = Some('_');
        }
        if f.grouping == Some('_') && c.get(p) == Some(&',') {
            return err(ValueError, "Cannot specify both ',' and '_'.");
        }
        if eat(&mut p, '.') {
            f.precision = digits(&c, &mut p)?;
            if f.precision.is_none() {
                return err(ValueError, "Format specifier missing precision");
            }
        }
        match c.len() - p {
            0 => {}
            1 => f.ty = Some(c[p]),
            _ => f.junk = Some(spec.to_string()),
        }
        Ok(f)
    }

    /// The checks CPython makes at the end of parsing, which depend on the object's type.
    fn validate(&self, default_ty: char, type_name: &str) -> Result<(), PyErr> {
        if let Some(j) = &self.junk {
            return err(
                ValueError,
                format!("Invalid format specifier '{j}' for object of type '{type_name}'"),
            );
        }
        let ty = self.ty.unwrap_or(default_ty);
        match (self.grouping, ty) {
            (None, _) | (Some(_), 'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0') => Ok(()),
            (Some('_'), 'b' | 'o' | 'x' | 'X') => Ok(()),
            (Some(g), t) => err(
                ValueError,
                format!("Cannot specify '{g}' with {}.", quoted(t)),
            ),
        }
    }

    /// Alignment with the type's default and the `0` flag applied.
    pub(crate) fn align_or(&self, default: char) -> char {
        match self.align {
            Some(a) => a,
            None if self.zero && default == '>' => '=',
            None => default,
        }
    }

    /// The padding char: the explicit fill, else '0' with the `0` flag, else ' '.
    pub(crate) fn fill_char(&self) -> char {
        self.fill.unwrap_or(if self.zero { '0' } else { ' ' })
    }
}

/// `'c'` for printable ASCII, else `'\x..'`, as CPython quotes a type code.
fn quoted(t: char) -> String {
    if (t as u32) > 32 && (t as u32) < 128 {
        format!("'{t}'")
    } else {
        format!("'\\x{:x}'", t as u32)
    }
}

fn unknown_code<T>(t: char, type_name: &str) -> Result<T, PyErr> {
    err(
        ValueError,
        format!(
            "Unknown format code {} for object of type '{type_name}'",
            quoted(t)
        ),
    )
}

/// Refuses outputs that cannot sensibly be built.
fn check_size(width: Option<usize>, precision: usize) -> Result<(), PyErr> {
    if width.unwrap_or(0) > MAX_OUTPUT || precision > MAX_OUTPUT {
        return err(MemoryError, "");
    }
    Ok(())
}

/// format(s, spec) for a str: width and precision count chars.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, PyErr> {
    spec.validate('s', "str")?;
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return unknown_code(t, "str"),
    }
    let problem = if spec.sign == Some(' ') {
        "Space not allowed in string format specifier"
    } else if spec.sign.is_some() {
        "Sign not allowed in string format specifier"
    } else if spec.no_neg_0 {
        "Negative zero coercion (z) not allowed in string format specifier"
    } else if spec.alt {
        "Alternate form (#) not allowed in string format specifier"
    } else if spec.align_or('<') == '=' {
        "'=' alignment not allowed in string format specifier"
    } else {
        ""
    };
    if !problem.is_empty() {
        return err(ValueError, problem);
    }
    check_size(spec.width, 0)?;
    let body: String = match spec.precision {
        Some(p) => s.chars().take(p).collect(),
        None => s.to_string(),
    };
    let n = body.chars().count();
    let pad = spec.width.unwrap_or(0).saturating_sub(n);
    let left = match spec.align_or('<') {
        '>' => pad,
        '^' => pad / 2,
        _ => 0,
    };
    let fill = |k: usize| spec.fill_char().to_string().repeat(k);
    Ok(fill(left) + &body + &fill(pad - left))
}

/// format(x, spec) for an int: types b c d o x X n, float types via float(x), or none.
pub fn format_int(x: i64, spec: &FormatSpec) -> Result<String, PyErr> {
    spec.validate('d', "int")?;
    let ty = spec.ty.unwrap_or('d');
    if matches!(ty, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') {
        return float_core(x as f64, spec, ty);
    }
    if !matches!(ty, 'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') {
        return unknown_code(ty, "int");
    }
    if spec.precision.is_some() {
        return err(
            ValueError,
            "Precision not allowed in integer format specifier",
        );
    }
    if spec.no_neg_0 {
        return err(
            ValueError,
            "Negative zero coercion (z) not allowed in integer format specifier",
        );
    }
    check_size(spec.width, 0)?;
    let neg = if x < 0 { "-" } else { "" };
    let u = x.unsigned_abs();
    let (digits, prefix) = match ty {
        'b' => (format!("{u:b}"), "0b"),
        'o' => (format!("{u:o}"), "0o"),
        'x' => (format!("{u:x}"), "0x"),
        'X' => (format!("{u:X}"), "0X"),
        'c' => return format_char(x, spec),
        _ => (u.to_string(), ""),
    };
    let prefix = if spec.alt { prefix } else { "" };
    let group = if matches!(ty, 'b' | 'o' | 'x' | 'X') {
        4
    } else {
        3
    };
    Ok(layout(spec, neg, prefix, &digits, "", group))
}

/// The `c` presentation: the code point as a one-char string.
fn format_char(x: i64, spec: &FormatSpec) -> Result<String, PyErr> {
    if spec.sign.is_some() {
        return err(
            ValueError,
            "Sign not allowed with integer format specifier 'c'",
        );
    }
    if spec.alt {
        return err(
            ValueError,
            "Alternate form (#) not allowed with integer format specifier 'c'",
        );
    }
    let c = match u32::try_from(x) {
        Ok(n) if n <= 0x10FFFF => char::from_u32(n),
        _ => return err(OverflowError, "%c arg not in range(0x110000)"),
    };
    let Some(c) = c else {
        return err(ValueError, "surrogates not allowed");
    };
    Ok(layout(spec, "", "", "", &c.to_string(), 3))
}

/// format(x, spec) for a float: types e E f F g G n % or none.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, PyErr> {
    spec.validate('\0', "float")?;
    match spec.ty {
        None => float_core(x, spec, '\0'),
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => float_core(x, spec, t),
        Some(t) => unknown_code(t, "float"),
    }
}

/// Shared float rendering once the type is known to be a float one.
fn float_core(x: f64, spec: &FormatSpec, ty: char) -> Result<String, PyErr> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return err(ValueError, "precision too big");
    }
    let magnitude = if x.is_finite() {
        x.abs().log10().max(0.0) as usize
    } else {
        0
    };
    check_size(
        spec.width,
        spec.precision.unwrap_or(0).saturating_add(magnitude),
    )?;
    let (x, dty, pct) = if ty == '%' {
        (x * 100.0, 'f', "%")
    } else {
        (x, ty, "")
    };
    let s = match (dty, spec.precision) {
        ('\0', None) => double_to_string(x, 'r', 0, spec.alt, true),
        ('\0', Some(p)) => double_to_string(x, 'g', p, spec.alt, true),
        ('n', p) => double_to_string(x, 'g', p.unwrap_or(6), spec.alt, false),
        (t, p) => double_to_string(x, t, p.unwrap_or(6), spec.alt, false),
    };
    let s = if spec.no_neg_0 { drop_neg_zero(s) } else { s };
    let (neg, body) = match s.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", s.as_str()),
    };
    let cut = body
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(body.len());
    let rest = format!("{}{pct}", &body[cut..]);
    let group = if ty == 'n' { 0 } else { 3 };
    Ok(layout(spec, neg, "", &body[..cut], &rest, group))
}

/// `z`: a rendered zero loses its minus sign.
fn drop_neg_zero(s: String) -> String {
    let mantissa = s.split(['e', 'E', '%']).next().unwrap_or("");
    match s.strip_prefix('-') {
        Some(rest) if mantissa.chars().all(|c| matches!(c, '-' | '0' | '.')) => rest.to_string(),
        _ => s,
    }
}
