//! CPython 3.13's `hash()` for the value kinds whose hashes decide set iteration order.
//!
//! Every function returns a valid Python hash: never `-1` (CPython reserves it as an error code).

/// `_PyHASH_BITS` on 64-bit builds.
const HASH_BITS: u32 = 61;
/// `_PyHASH_MODULUS` = 2**61 - 1 (a Mersenne prime).
const MODULUS: u64 = (1u64 << HASH_BITS) - 1;
/// `_PyHASH_INF` (Include/cpython/pyhash.h).
const HASH_INF: i64 = 314_159;

/// Maps the reserved error code `-1` to `-2`, as every CPython hash function does.
fn fix_minus_one(h: i64) -> i64 {
    if h == -1 {
        -2
    } else {
        h
    }
}

/// `long_hash` (Objects/longobject.c) for an int that fits in 64 bits:
/// `sign(v) * (|v| mod (2**61 - 1))`, then `-1 -> -2`.
///
/// So `hash(-1) == hash(-2) == -2`, `hash(2**61 - 1) == 0` and `hash(-2**63) == -4`.
pub fn hash_int(v: i64) -> i64 {
    let reduced = (v.unsigned_abs() % MODULUS) as i64;
    fix_minus_one(if v < 0 { -reduced } else { reduced })
}

/// `bool` inherits `long_hash`: `hash(True) == 1`, `hash(False) == 0`.
pub fn hash_bool(b: bool) -> i64 {
    b as i64
}

/// `none_hash` (Objects/object.c): a constant since CPython 3.12.
pub fn hash_none() -> i64 {
    0xFCA8_6420
}

/// `_Py_HashDouble` (Python/pyhash.c).
///
/// Finite floats hash like the rational number they are: `m * 2**e` reduces to
/// `m * 2**(e mod 61) mod (2**61 - 1)`, which is exactly what CPython's 28-bits-at-a-time
/// loop computes, so integral floats hash like the equal int (`hash(2.0) == hash(2)`,
/// `hash(-0.0) == 0`). `inf` and `-inf` hash to `±314159`.
///
/// NaN: since 3.10 CPython hashes a NaN by its object identity (`_Py_HashPointer`), so no
/// fixed value can match; this returns `0`. NaN never equals anything (itself included, unless
/// the caller's equality checks identity first), so any value keeps the table consistent.
pub fn hash_float(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { HASH_INF } else { -HASH_INF };
    }
    if v == 0.0 {
        return 0;
    }
    let bits = v.to_bits();
    let biased_exp = ((bits >> 52) & 0x7ff) as i32;
    let frac = bits & ((1u64 << 52) - 1);
    // v = mantissa * 2**exp with an integer mantissa below 2**53 (< MODULUS).
    let (mantissa, exp) = if biased_exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased_exp - 1075)
    };
    let shift = exp.rem_euclid(HASH_BITS as i32) as u32;
    let x = (((mantissa as u128) << shift) % (MODULUS as u128)) as i64;
    fix_minus_one(if v < 0.0 { -x } else { x })
}

/// `tuplehash` (Objects/tupleobject.c, the xxHash-based version of 3.8+) over the hashes of
/// the items. An empty slice gives `hash(()) == 5740354900026072187`.
pub fn hash_tuple(item_hashes: &[i64]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for &lane in item_hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add((item_hashes.len() as u64) ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        return 1_546_275_796;
    }
    acc as i64
}

/// A fixed string hash (FNV-1a 64 over the UTF-8 bytes; 0 for the empty string, as in CPython,
/// whose `unicode_hash` returns 0 for it before any randomised hashing). CPython randomises `str` hashes per
/// process (PYTHONHASHSEED), so no fixed order of a set of strings is "the" CPython order; any
/// deterministic hash is as faithful as another.
pub fn hash_str(s: &str) -> i64 {
    // The one string hash CPython fixes: the empty string's is 0 in every process.
    if s.is_empty() {
        return 0;
    }
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in s.as_bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    fix_minus_one(h as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(i64::MIN), -4);
        assert_eq!(hash_int((1 << 61) - 1), 0);
        assert_eq!(hash_none(), 4_238_894_112);
        assert_eq!(hash_float(f64::INFINITY), 314_159);
        assert_eq!(hash_float(-1.0), -2);
        assert_eq!(hash_float(0.5), 1 << 60);
        assert_eq!(hash_tuple(&[]), 5_740_354_900_026_072_187);
        assert_eq!(hash_tuple(&[1, 2]), -3_550_055_125_485_641_917);
        assert_ne!(hash_str(""), -1);
    }
}
