//! printf-style `fmt % args` string formatting, with CPython 3.13's results and messages.
use super::repr::{ascii_escape, double_to_string, err, float_repr, ErrKind::*, PyErr, MAX_OUTPUT};

/// One right-hand operand of `%`. An operand that is not a number or a str gives its str() or
/// repr() only when a conversion asks for it, as CPython's does (a `__repr__` runs only for
/// `%r`, and only when that conversion is reached).
pub enum PercentArg<'a> {
    Int(i64),
    Float(f64),
    Bool(bool),
    Str {
        str_: String,
        repr: String,
    },
    Other {
        type_name: String,
        /// str() (`false`) or repr() (`true`) of the operand; `Err` ends the formatting.
        text: &'a dyn Fn(bool) -> Result<String, PyErr>,
    },
}

impl PercentArg<'_> {
    fn type_name(&self) -> &str {
        match self {
            PercentArg::Int(_) => "int",
            PercentArg::Float(_) => "float",
            PercentArg::Bool(_) => "bool",
            PercentArg::Str { .. } => "str",
            PercentArg::Other { type_name, .. } => type_name,
        }
    }

    /// str() (`repr == false`) or repr() of the operand.
    fn text(&self, repr: bool) -> Result<String, PyErr> {
        Ok(match self {
            PercentArg::Int(i) => i.to_string(),
            PercentArg::Float(x) => float_repr(*x),
            PercentArg::Bool(b) => (if *b { "True" } else { "False" }).to_string(),
            PercentArg::Str { str_, repr: r } => {
                if repr {
                    r.clone()
                } else {
                    str_.clone()
                }
            }
            PercentArg::Other { text, .. } => text(repr)?,
        })
    }

    /// The operand as an int, when it is one (bool included).
    fn int(&self) -> Option<i64> {
        match self {
            PercentArg::Int(i) => Some(*i),
            PercentArg::Bool(b) => Some(*b as i64),
            _ => None,
        }
    }
}

/// The flags, width and precision of one conversion.
#[derive(Default)]
struct Conv {
    ljust: bool,
    plus: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: usize,
    prec: Option<usize>,
}

/// Walks the format string, handing out operands in order.
struct Cursor<'a, 'f> {
    fmt: Vec<char>,
    pos: usize,
    args: &'a [PercentArg<'f>],
    next: usize,
}

impl<'a, 'f> Cursor<'a, 'f> {
    /// The current char, or "incomplete format".
    fn peek(&self) -> Result<char, PyErr> {
        self.fmt
            .get(self.pos)
            .copied()
            .map_or_else(|| err(ValueError, "incomplete format"), Ok)
    }

    fn take_arg(&mut self) -> Result<&'a PercentArg<'f>, PyErr> {
        let a = self.args.get(self.next);
        self.next += 1;
        a.map_or_else(
            || err(TypeError, "not enough arguments for format string"),
            Ok,
        )
    }

    /// A `*` operand: an int, else "* wants int".
    fn star(&mut self) -> Result<i64, PyErr> {
        self.pos += 1;
        self.take_arg()?
            .int()
            .map_or_else(|| err(TypeError, "* wants int"), Ok)
    }

    /// Decimal digits at the cursor, refusing values above `max` with `msg`.
    fn number(&mut self, max: i64, msg: &str) -> Result<i64, PyErr> {
        let mut n: i64 = 0;
        while let Some(d) = self.fmt.get(self.pos).and_then(|c| c.to_digit(10)) {
            if n > (max - d as i64) / 10 {
                return err(ValueError, msg);
            }
            n = n * 10 + d as i64;
            self.pos += 1;
        }
        Ok(n)
    }

    /// Parses `[flags][width][.prec][hlL]` after the '%'; leaves the cursor on the type char.
    fn spec(&mut self) -> Result<Conv, PyErr> {
        let mut c = Conv::default();
        if self.peek()? == '(' {
            return err(TypeError, "format requires a mapping");
        }
        loop {
            match self.peek()? {
                '-' => c.ljust = true,
                '+' => c.plus = true,
                ' ' => c.blank = true,
                '#' => c.alt = true,
                '0' => c.zero = true,
                _ => break,
            }
            self.pos += 1;
        }
        if self.peek()? == '*' {
            let w = self.star()?;
            c.ljust |= w < 0;
            // CPython negates in Py_ssize_t: i64::MIN stays negative and means no padding.
            c.width = if w == i64::MIN {
                0
            } else {
                usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX)
            };
        } else {
            c.width = self.number(i64::MAX, "width too big")? as usize;
        }
        if self.peek()? == '.' {
            self.pos += 1;
            let p = if self.peek()? == '*' {
                let p = self.star()?;
                if i32::try_from(p).is_err() {
                    return err(OverflowError, "Python int too large to convert to C int");
                }
                p.max(0)
            } else {
                self.number(i32::MAX as i64, "precision too big")?
            };
            c.prec = Some(p as usize);
        }
        if matches!(self.peek()?, 'h' | 'l' | 'L') {
            self.pos += 1;
        }
        self.peek()?;
        Ok(c)
    }
}

impl Conv {
    /// MemoryError for widths or precisions too large to build (checked once the operand is valid).
    fn fits(&self) -> Result<(), PyErr> {
        if self.width > MAX_OUTPUT || self.prec.unwrap_or(0) > MAX_OUTPUT {
            return err(MemoryError, "");
        }
        Ok(())
    }
}

/// `fmt % args`. A single non-tuple operand arrives as a slice of one; a lone `dict`
/// operand (Other with type_name "dict") is not reported as unconverted, as in CPython.
pub fn percent_format(fmt: &str, args: &[PercentArg]) -> Result<String, PyErr> {
    let mut cur = Cursor {
        fmt: fmt.chars().collect(),
        pos: 0,
        args,
        next: 0,
    };
    let mut out = String::with_capacity(fmt.len());
    while let Some(&ch) = cur.fmt.get(cur.pos) {
        cur.pos += 1;
        if ch != '%' {
            out.push(ch);
            continue;
        }
        if cur.fmt.get(cur.pos) == Some(&'%') {
            cur.pos += 1;
            out.push('%');
            continue;
        }
        let conv = cur.spec()?;
        let arg = cur.take_arg()?;
        let at = cur.pos;
        cur.pos += 1;
        out.push_str(&convert(cur.fmt[at], at, arg, &conv)?);
    }
    // `PyMapping_Check`: a dict, but a list or a range too (anything subscriptable but a tuple
    // or a str): CPython then has nothing to complain about left over.
    let mapping = matches!(args, [PercentArg::Other { type_name, .. }] if matches!(type_name.as_str(), "dict" | "list" | "range"));
    if cur.next < args.len() && !mapping {
        return err(
            TypeError,
            "not all arguments converted during string formatting",
        );
    }
    Ok(out)
}

/// One conversion `ty` (at char index `at`) of `arg`.
fn convert(ty: char, at: usize, arg: &PercentArg, c: &Conv) -> Result<String, PyErr> {
    match ty {
        's' | 'r' | 'a' => {
            c.fits()?;
            let t = arg.text(ty != 's')?;
            let t = if ty == 'a' { ascii_escape(&t) } else { t };
            let t: String = match c.prec {
                Some(p) => t.chars().take(p).collect(),
                None => t,
            };
            Ok(pad_text(t, c))
        }
        'c' => {
            let ch = char_of(arg)?;
            c.fits()?;
            Ok(pad_text(ch.to_string(), c))
        }
        'd' | 'i' | 'u' => {
            let (neg, digits) = match (arg, arg.int()) {
                (_, Some(i)) => (i < 0, i.unsigned_abs().to_string()),
                (PercentArg::Float(x), _) => float_digits(*x)?,
                _ => {
                    return err(
                        TypeError,
                        format!(
                            "%{ty} format: a real number is required, not {}",
                            arg.type_name()
                        ),
                    )
                }
            };
            c.fits()?;
            Ok(number(neg, "", &zero_extend(digits, c.prec), c))
        }
        'o' | 'x' | 'X' => {
            let Some(i) = arg.int() else {
                return err(
                    TypeError,
                    format!(
                        "%{ty} format: an integer is required, not {}",
                        arg.type_name()
                    ),
                );
            };
            c.fits()?;
            let u = i.unsigned_abs();
            let (digits, prefix) = match ty {
                'o' => (format!("{u:o}"), "0o"),
                'x' => (format!("{u:x}"), "0x"),
                _ => (format!("{u:X}"), "0X"),
            };
            Ok(number(
                i < 0,
                if c.alt { prefix } else { "" },
                &zero_extend(digits, c.prec),
                c,
            ))
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = match (arg, arg.int()) {
                (_, Some(i)) => i as f64,
                (PercentArg::Float(x), _) => *x,
                _ => {
                    return err(
                        TypeError,
                        format!("must be real number, not {}", arg.type_name()),
                    )
                }
            };
            c.fits()?;
            let s = double_to_string(x, ty, c.prec.unwrap_or(6), c.alt, false);
            let (neg, body) = s
                .strip_prefix('-')
                .map_or((false, s.as_str()), |b| (true, b));
            Ok(number(neg, "", body, c))
        }
        _ => {
            let shown = if (31..=126).contains(&(ty as u32)) {
                ty
            } else {
                '?'
            };
            err(
                ValueError,
                format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {at}",
                    ty as u32
                ),
            )
        }
    }
}

/// The char for `%c`: an int code point or a one-char str.
fn char_of(arg: &PercentArg) -> Result<char, PyErr> {
    if let Some(i) = arg.int() {
        return match u32::try_from(i) {
            Ok(n) if n <= 0x10FFFF => {
                char::from_u32(n).map_or_else(|| err(ValueError, "surrogates not allowed"), Ok)
            }
            _ => err(OverflowError, "%c arg not in range(0x110000)"),
        };
    }
    let mut chars = match arg {
        PercentArg::Str { str_, .. } => str_.chars(),
        _ => "".chars(),
    };
    match (chars.next(), chars.next()) {
        (Some(ch), None) => Ok(ch),
        _ => err(TypeError, "%c requires int or char"),
    }
}

/// int(x) digits of a float for %d: (negative, decimal digits), exact at any magnitude.
fn float_digits(x: f64) -> Result<(bool, String), PyErr> {
    if x.is_nan() {
        return err(ValueError, "cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return err(OverflowError, "cannot convert float infinity to integer");
    }
    let t = x.trunc();
    Ok((t < 0.0, format!("{:.0}", t.abs())))
}

/// Left-pads `digits` with zeros to at least `prec` digits.
fn zero_extend(digits: String, prec: Option<usize>) -> String {
    let want = prec.unwrap_or(0);
    if digits.len() >= want {
        digits
    } else {
        "0".repeat(want - digits.len()) + &digits
    }
}

/// Space-pads text to the width (left unless `-`); `0` and signs do not apply.
fn pad_text(t: String, c: &Conv) -> String {
    let pad = " ".repeat(c.width.saturating_sub(t.chars().count()));
    if c.ljust {
        t + &pad
    } else {
        pad + &t
    }
}

/// Sign, prefix, zero or space padding, then the body of a numeric conversion.
fn number(neg: bool, prefix: &str, body: &str, c: &Conv) -> String {
    let sign = if neg {
        "-"
    } else if c.plus {
        "+"
    } else if c.blank {
        " "
    } else {
        ""
    };
    let used = sign.len() + prefix.len() + body.len();
    let pad = c.width.saturating_sub(used);
    if c.ljust {
        format!("{sign}{prefix}{body}{}", " ".repeat(pad))
    } else if c.zero {
        format!("{sign}{prefix}{}{body}", "0".repeat(pad))
    } else {
        format!("{}{sign}{prefix}{body}", " ".repeat(pad))
    }
}
