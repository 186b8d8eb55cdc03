//! Seeded random streams, one per subsystem, so adding a random draw in one place never
//! shifts the numbers another subsystem sees. Xoshiro256++ is the same algorithm on every
//! platform (unlike `SmallRng`), which keeps native and wasm runs byte-identical.

use rand_core::{Rng, SeedableRng};
use rand_xoshiro::Xoshiro256PlusPlus;

/// The subsystems that draw random numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    /// Task, instance and container instance IDs.
    Ids = 1,
    /// Placement ties and the random strategy.
    Placement = 2,
    /// Durations that vary (Fargate provisioning, boot).
    Durations = 3,
    /// Fargate Spot interruptions (which task, and when).
    SpotInterruptions = 4,
    /// Application Auto Scaling's scaling activity IDs (its own stream, so recording an
    /// activity shifts no task or instance ID).
    ScalingActivityIds = 5,
    /// Auto Scaling group scale-in: the random pick among instances equally close to their
    /// next billing hour (EC2 Auto Scaling default termination policy).
    ScaleInTermination = 6,
}

/// One random stream.
#[derive(Debug, Clone)]
pub struct SimRng(Xoshiro256PlusPlus);

impl SimRng {
    /// The stream `stream` of the run seeded with `seed`.
    pub fn fork(seed: u64, stream: Stream) -> Self {
        // SplitMix64 of the stream number keeps the streams' seeds far apart.
        let mut z = (stream as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Self(Xoshiro256PlusPlus::seed_from_u64(seed ^ z))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A uniform integer in `0..n` (0 when `n` is 0), without floating point.
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // Lemire's multiply-shift; the tiny bias is irrelevant for a simulator and it is exact
        // and platform-independent.
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A uniform integer in `lo..=hi`.
    pub fn between(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo {
            lo
        } else {
            lo + self.below(hi - lo + 1)
        }
    }

    /// A random UUID in the version 4 form (`xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx`, y one of
    /// 8, 9, a, b), for IDs AWS gives as UUIDs (a scaling activity's `ActivityId`).
    pub fn uuid(&mut self) -> String {
        let h = self.hex(32);
        let variant = match u8::from_str_radix(&h[16..17], 16).unwrap_or(0) & 3 {
            0 => '8',
            1 => '9',
            2 => 'a',
            _ => 'b',
        };
        format!(
            "{}-{}-4{}-{variant}{}-{}",
            &h[0..8],
            &h[8..12],
            &h[13..16],
            &h[17..20],
            &h[20..32]
        )
    }

    /// `n` lowercase hex digits, for IDs.
    pub fn hex(&mut self, n: usize) -> String {
        let mut out = String::with_capacity(n);
        self.hex_each(n, |d| out.push(char::from(d)));
        out
    }

    /// `N` random lowercase hex digits in place (the same digits [`SimRng::hex`] draws), for
    /// IDs kept inline.
    pub fn hex_array<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        let mut k = 0;
        self.hex_each(N, |d| {
            out[k] = d;
            k += 1;
        });
        out
    }

    /// Draws `n` hex digits, 16 per 64-bit draw, lowest nibble first.
    fn hex_each(&mut self, n: usize, mut put: impl FnMut(u8)) {
        const DIGITS: &[u8; 16] = b"0123456789abcdef";
        let mut bits = 0u64;
        for i in 0..n {
            if i % 16 == 0 {
                bits = self.next_u64();
            }
            put(DIGITS[(bits & 0xf) as usize]);
            bits >>= 4;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_independent() {
        let mut a = SimRng::fork(7, Stream::Ids);
        let mut b = SimRng::fork(7, Stream::Ids);
        let mut c = SimRng::fork(7, Stream::Placement);
        let xs: Vec<u64> = (0..4).map(|_| a.next_u64()).collect();
        let ys: Vec<u64> = (0..4).map(|_| b.next_u64()).collect();
        let zs: Vec<u64> = (0..4).map(|_| c.next_u64()).collect();
        assert_eq!(xs, ys);
        assert_ne!(xs, zs);
    }

    #[test]
    fn bounded_draws_stay_in_range() {
        let mut r = SimRng::fork(1, Stream::Durations);
        for _ in 0..1000 {
            assert!(r.below(3) < 3);
            let v = r.between(20, 40);
            assert!((20..=40).contains(&v));
        }
        assert_eq!(r.below(0), 0);
        assert_eq!(r.hex(32).len(), 32);
    }

    #[test]
    fn uuids_have_the_version_4_form() {
        let mut r = SimRng::fork(1, Stream::ScalingActivityIds);
        for _ in 0..100 {
            let u = r.uuid();
            let parts: Vec<&str> = u.split('-').collect();
            assert_eq!(
                parts.iter().map(|p| p.len()).collect::<Vec<_>>(),
                [8, 4, 4, 4, 12],
                "{u}"
            );
            assert!(parts[2].starts_with('4'), "{u}");
            assert!(parts[3].starts_with(['8', '9', 'a', 'b']), "{u}");
            assert!(u.chars().all(|c| c == '-' || c.is_ascii_hexdigit()), "{u}");
        }
    }
}
