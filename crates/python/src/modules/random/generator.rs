//! The pure-Python part of CPython 3.13's random.py (class `Random`), ported method by method on top of `mt.rs`.

use super::mt::{hash_float, key_from_be_bytes, Mt19937};
use super::sha512::sha512;
use std::collections::HashSet;
use std::f64::consts::TAU; // math.tau, random.py's TWOPI

/// The Python exception class a failing call raises.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    IndexError,
}

/// A Python exception as a value: its class and CPython's exact message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RandError {
    pub kind: ErrorKind,
    pub message: String,
}

fn err<T>(kind: ErrorKind, message: impl Into<String>) -> Result<T, RandError> {
    Err(RandError {
        kind,
        message: message.into(),
    })
}

/// Python's `a // b` (floor division) for `b != 0`.
fn floor_div(a: i128, b: i128) -> i128 {
    let q = a / b;
    if a % b != 0 && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    }
}

/// `random.Random`: the MT19937 state (with its `index`) and `gauss_next`.
///
/// `random.seed()` / `Random()` with no argument (or `None`) is the interpreter's choice:
/// CPython feeds 624 words of `os.urandom` to `init_by_array`; call [`Random::seed_by_array`]
/// with whatever entropy the host has (or a fixed key for reproducible runs).
#[derive(Clone, Debug, PartialEq)]
pub struct Random {
    mt: Mt19937,
    /// random.py's `self.gauss_next`, the second value of the last Box-Muller pair.
    pub gauss_next: Option<f64>,
}

impl Random {
    /// `Random(a)` for an int `a`.
    pub fn with_seed_int(a: i64) -> Self {
        let mut r = Random {
            mt: Mt19937::from_genrand(19_650_218),
            gauss_next: None,
        };
        r.seed_int(a);
        r
    }

    /// `seed()` for a raw key: `init_by_array(key)` (empty acts as `[0]`), then `gauss_next = None`.
    pub fn seed_by_array(&mut self, key: &[u32]) {
        self.mt.init_by_array(key);
        self.gauss_next = None;
    }

    /// `seed(a)` for an int: `abs(a)` split into 32-bit words, least significant first; 0 → `[0]`.
    pub fn seed_int(&mut self, a: i64) {
        self.seed_by_array(&key_from_be_bytes(&a.unsigned_abs().to_be_bytes()));
    }

    /// `seed(a, version=2)` for a str (pass its UTF-8 bytes), bytes or bytearray:
    /// `a = int.from_bytes(a + _sha512(a).digest())`, then seeded as that (non-negative) int.
    pub fn seed_bytes_v2(&mut self, s: &[u8]) {
        let mut a = s.to_vec();
        a.extend_from_slice(&sha512(s));
        self.seed_by_array(&key_from_be_bytes(&a));
    }

    /// `seed(x)` for a float: `random_seed` uses `(size_t)hash(x)`, so a negative hash wraps
    /// to 2**64 + hash (`seed(-2.0)` equals `seed(2**64 - 2)`, not `seed(-2)`; `seed(2.0)` equals `seed(2)`).
    pub fn seed_float(&mut self, x: f64) {
        let n = hash_float(x) as u64;
        self.seed_by_array(&key_from_be_bytes(&n.to_be_bytes()));
    }

    /// `random()`: the C `random_random`, a float in [0.0, 1.0).
    pub fn random(&mut self) -> f64 {
        self.mt.random_random()
    }

    /// `getrandbits(k)` for `k <= 64` (k == 0 → 0 without consuming state). Larger `k` is a
    /// ValueError of this port: use [`Random::getrandbits_words`].
    pub fn getrandbits(&mut self, k: u32) -> Result<u64, RandError> {
        if k > 64 {
            return err(
                ErrorKind::ValueError,
                "getrandbits(k) with k > 64 is not supported here",
            );
        }
        Ok(self.getrandbits_wide(k) as u64)
    }

    /// `getrandbits(k)` for any `k`, as the C code builds it: 32-bit words, least significant
    /// first, the last word keeping its top `k % 32` bits (shifted down). `k == 0` → `[]`.
    pub fn getrandbits_words(&mut self, k: u32) -> Vec<u32> {
        if k <= 32 {
            return if k == 0 {
                Vec::new()
            } else {
                vec![self.mt.genrand_uint32() >> (32 - k)]
            };
        }
        let words = (k as usize - 1) / 32 + 1;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let r = self.mt.genrand_uint32();
            out.push(if left < 32 { r >> (32 - left) } else { r });
            left = left.saturating_sub(32);
        }
        out
    }

    /// `getrandbits(k)` for `k <= 128`, as one integer.
    fn getrandbits_wide(&mut self, k: u32) -> u128 {
        let words = self.getrandbits_words(k);
        words
            .iter()
            .rev()
            .fold(0u128, |acc, &w| (acc << 32) | w as u128)
    }

    /// `_randbelow_with_getrandbits(n)`: a uniform int in [0, n). `n == 0` → 0 (CPython would
    /// loop forever there: getrandbits(0) is 0 and `0 >= 0`; no caller of it passes 0).
    pub fn _randbelow(&mut self, n: u64) -> u64 {
        self.randbelow_wide(n as u128) as u64
    }

    /// `_randbelow_with_getrandbits` for `n <= 2**64` (`randint(-2**63, 2**63 - 1)` needs 2**64).
    fn randbelow_wide(&mut self, n: u128) -> u128 {
        if n == 0 {
            return 0;
        }
        let k = 128 - n.leading_zeros(); // n.bit_length()
        let mut r = self.getrandbits_wide(k);
        while r >= n {
            r = self.getrandbits_wide(k);
        }
        r
    }

    /// `randrange(start, stop=None, step=1)`. With `stop == None`, any `step != 1` is the
    /// TypeError CPython raises for `step is not _ONE`.
    pub fn randrange(
        &mut self,
        start: i64,
        stop: Option<i64>,
        step: i64,
    ) -> Result<i64, RandError> {
        self.randrange_wide(start as i128, stop.map(|s| s as i128), step as i128)
    }

    /// `randrange` on Python ints wide enough for `randint`'s `b + 1`.
    fn randrange_wide(
        &mut self,
        start: i128,
        stop: Option<i128>,
        step: i128,
    ) -> Result<i64, RandError> {
        let istart = start;
        let Some(istop) = stop else {
            if step != 1 {
                return err(ErrorKind::TypeError, "Missing a non-None stop argument");
            }
            if istart > 0 {
                return Ok(self.randbelow_wide(istart as u128) as i64);
            }
            return err(ErrorKind::ValueError, "empty range for randrange()");
        };
        let width = istop - istart;
        let istep = step;
        if istep == 1 {
            if width > 0 {
                return Ok((istart + self.randbelow_wide(width as u128) as i128) as i64);
            }
            return err(
                ErrorKind::ValueError,
                format!("empty range in randrange({start}, {istop})"),
            );
        }
        let n = if istep > 0 {
            floor_div(width + istep - 1, istep)
        } else if istep < 0 {
            floor_div(width + istep + 1, istep)
        } else {
            return err(ErrorKind::ValueError, "zero step for randrange()");
        };
        if n <= 0 {
            return err(
                ErrorKind::ValueError,
                format!("empty range in randrange({start}, {istop}, {step})"),
            );
        }
        Ok((istart + istep * self.randbelow_wide(n as u128) as i128) as i64)
    }

    /// `randint(a, b)`: `randrange(a, b+1)` (so its error names `b + 1`).
    pub fn randint(&mut self, a: i64, b: i64) -> Result<i64, RandError> {
        self.randrange_wide(a as i128, Some(b as i128 + 1), 1)
    }

    /// `choice(seq)` for a sequence of length `len`: the index to take.
    pub fn choice_index(&mut self, len: usize) -> Result<usize, RandError> {
        if len == 0 {
            return err(
                ErrorKind::IndexError,
                "Cannot choose from an empty sequence",
            );
        }
        Ok(self._randbelow(len as u64) as usize)
    }

    /// `shuffle(x)`: Fisher-Yates from the end, in place.
    pub fn shuffle<T>(&mut self, x: &mut [T]) {
        for i in (1..x.len()).rev() {
            let j = self._randbelow(i as u64 + 1) as usize;
            x.swap(i, j);
        }
    }

    /// `sample(population, k)` (without `counts=`) for a population of length `n`: the indices
    /// picked, in selection order. Pool branch for small `n`, selected-set branch otherwise.
    /// The branch choice uses libm `log` (like CPython); only matters at setsize boundaries.
    pub fn sample_indices(&mut self, n: usize, k: i64) -> Result<Vec<usize>, RandError> {
        if !(0 <= k && (k as u64) <= n as u64) {
            return err(
                ErrorKind::ValueError,
                "Sample larger than population or is negative",
            );
        }
        let k = k as usize;
        let mut result = Vec::with_capacity(k.min(1 << 16));
        let mut setsize: u128 = 21; // size of a small set minus size of an empty list
        if k > 5 {
            // 4 ** _ceil(_log(k * 3, 4)): math.log(x, base) is log(x) / log(base).
            let e = (((k as u128 * 3) as f64).ln() / 4f64.ln()).ceil() as u32;
            setsize += 4u128.pow(e); // table size for big sets
        }
        if n as u128 <= setsize {
            // Invariant: non-selected at pool[0 : n-i]
            let mut pool: Vec<usize> = (0..n).collect();
            for i in 0..k {
                let j = self._randbelow((n - i) as u64) as usize;
                result.push(pool[j]);
                pool[j] = pool[n - i - 1]; // move non-selected item into vacancy
            }
        } else {
            let mut selected = HashSet::with_capacity(k.min(1 << 16));
            for _ in 0..k {
                let mut j = self._randbelow(n as u64) as usize;
                while selected.contains(&j) {
                    j = self._randbelow(n as u64) as usize;
                }
                selected.insert(j);
                result.push(j);
            }
        }
        Ok(result)
    }

    /// `choices(population, weights=None, *, cum_weights=None, k=1)` for a population of length
    /// `n`: the indices picked. A negative `k` gives `[]` (`repeat(None, k)`). Weights are summed
    /// as floats (CPython accumulates ints exactly, so only huge int weights could differ).
    /// An empty population raises `list index out of range` where CPython indexes it: after one
    /// `random()` without weights, at `cum_weights[-1]` with them.
    pub fn choices_indices(
        &mut self,
        n: usize,
        weights: Option<&[f64]>,
        cum_weights: Option<&[f64]>,
        k: i64,
    ) -> Result<Vec<usize>, RandError> {
        let k = k.max(0) as u64;
        let mut out = Vec::with_capacity(k.min(1 << 16) as usize);
        let accumulated: Vec<f64>;
        let cum_weights: &[f64] = match (cum_weights, weights) {
            (None, None) => {
                let nf = n as f64; // n += 0.0
                for _ in 0..k {
                    let i = (self.random() * nf).floor();
                    if i >= nf {
                        return err(ErrorKind::IndexError, "list index out of range");
                    }
                    out.push(i as usize);
                }
                return Ok(out);
            }
            (None, Some(w)) => {
                let mut total = 0.0;
                accumulated = w
                    .iter()
                    .enumerate()
                    .map(|(i, &x)| {
                        total = if i == 0 { x } else { total + x };
                        total
                    })
                    .collect();
                &accumulated
            }
            (Some(c), None) => c,
            (Some(_), Some(_)) => {
                return err(
                    ErrorKind::TypeError,
                    "Cannot specify both weights and cumulative weights",
                );
            }
        };
        if cum_weights.len() != n {
            return err(
                ErrorKind::ValueError,
                "The number of weights does not match the population",
            );
        }
        let Some(&last) = cum_weights.last() else {
            return err(ErrorKind::IndexError, "list index out of range");
        };
        let total = last + 0.0; // convert to float
        if total <= 0.0 {
            return err(
                ErrorKind::ValueError,
                "Total of weights must be greater than zero",
            );
        }
        if !total.is_finite() {
            return err(ErrorKind::ValueError, "Total of weights must be finite");
        }
        let hi = n - 1;
        for _ in 0..k {
            let x = self.random() * total;
            // bisect.bisect_right(cum_weights, x, 0, hi)
            let (mut lo, mut hi) = (0usize, hi);
            while lo < hi {
                let mid = lo + (hi - lo) / 2;
                if x < cum_weights[mid] {
                    hi = mid
                } else {
                    lo = mid + 1
                }
            }
            out.push(lo);
        }
        Ok(out)
    }

    /// `uniform(a, b)`: `a + (b - a) * random()`.
    pub fn uniform(&mut self, a: f64, b: f64) -> f64 {
        a + (b - a) * self.random()
    }

    /// `gauss(mu=0.0, sigma=1.0)`: Box-Muller, caching the second value in `gauss_next`.
    /// cos/sin/log come from the platform libm, as CPython's math module does: glibc here;
    /// wasm's libm may differ from it in the last bit.
    pub fn gauss(&mut self, mu: f64, sigma: f64) -> f64 {
        let z = match self.gauss_next.take() {
            Some(z) => z,
            None => {
                let x2pi = self.random() * TAU;
                let g2rad = (-2.0 * (1.0 - self.random()).ln()).sqrt();
                self.gauss_next = Some(x2pi.sin() * g2rad);
                x2pi.cos() * g2rad
            }
        };
        mu + z * sigma
    }
}
