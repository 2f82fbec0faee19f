//! The C core of CPython's `_random` (Modules/_randommodule.c): MT19937 plus seed-to-key conversion and float hashing.

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// The Mersenne Twister state, exactly as `RandomObject` holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mt19937 {
    state: [u32; N],
    index: usize,
}

impl Mt19937 {
    /// A generator seeded like `init_genrand(s)`.
    pub fn from_genrand(s: u32) -> Self {
        let mut mt = Mt19937 {
            state: [0; N],
            index: N,
        };
        mt.init_genrand(s);
        mt
    }

    /// `init_genrand`: initializes the state from one 32-bit word.
    pub fn init_genrand(&mut self, s: u32) {
        let mt = &mut self.state;
        mt[0] = s;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    /// `init_by_array`: initializes the state from a key of 32-bit words (an empty key acts as `[0]`).
    pub fn init_by_array(&mut self, init_key: &[u32]) {
        let key: &[u32] = if init_key.is_empty() { &[0] } else { init_key };
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            mt[i] = (mt[i] ^ (mt[i - 1] ^ (mt[i - 1] >> 30)).wrapping_mul(1_566_083_941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    /// `genrand_uint32`: the next tempered 32-bit output.
    pub fn genrand_uint32(&mut self) -> u32 {
        let mag01 = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        if self.index >= N {
            let mt = &mut self.state;
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag01(y);
            }
            let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01(y);
            self.index = 0;
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `random_random`: a float in [0.0, 1.0) built from 53 random bits (27 + 26).
    pub fn random_random(&mut self) -> f64 {
        let a = self.genrand_uint32() >> 5;
        let b = self.genrand_uint32() >> 6;
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }
}

/// The `init_by_array` key `random_seed` builds from a non-negative integer given as
/// big-endian bytes: 32-bit words, least significant first, high zero words dropped, 0 → `[0]`.
pub fn key_from_be_bytes(bytes: &[u8]) -> Vec<u32> {
    let mut key: Vec<u32> = bytes
        .rchunks(4)
        .map(|c| c.iter().fold(0u32, |acc, &b| (acc << 8) | b as u32))
        .collect();
    while key.len() > 1 && key[key.len() - 1] == 0 {
        key.pop();
    }
    if key.is_empty() {
        key.push(0);
    }
    key
}

/// `_PyHASH_BITS` and `_PyHASH_MODULUS` (2**61 - 1) on 64-bit builds.
const HASH_BITS: u32 = 61;
const HASH_MODULUS: u64 = (1 << HASH_BITS) - 1;

/// `frexp`: `x == m * 2**e` with 0.5 <= |m| < 1 (finite, non-zero `x`; subnormals included).
fn frexp(x: f64) -> (f64, i32) {
    let bits = x.to_bits();
    let exp_field = ((bits >> 52) & 0x7ff) as i32;
    if exp_field == 0 {
        // Subnormal: scale into the normal range first (2**64 is exact).
        let (m, e) = frexp(x * 18_446_744_073_709_551_616.0);
        return (m, e - 64);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp_field - 1022)
}

/// CPython's `hash(x)` for a float (`_Py_HashDouble`): the value reduced modulo 2**61 - 1, with
/// the sign applied afterwards, ±inf → ±314159 and -1 → -2. NaN hashes by object identity in
/// CPython 3.10+, which this crate cannot see: it returns 0 (the pre-3.10 value).
pub fn hash_float(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314_159 } else { -314_159 };
    }
    if v == 0.0 {
        return 0;
    }
    let (mut m, mut e) = frexp(v);
    let sign: u64 = if m < 0.0 {
        m = -m;
        u64::MAX // -1 as Py_uhash_t
    } else {
        1
    };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268_435_456.0; // 2**28
        e -= 28;
        let y = m as u64; // integer part
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let bits = HASH_BITS as i32;
    let e = if e >= 0 {
        e % bits
    } else {
        bits - 1 - ((-1 - e) % bits)
    } as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    x = x.wrapping_mul(sign);
    if x == u64::MAX {
        x = u64::MAX - 1;
    }
    x as i64
}
