//! Task-level `cpu` and `memory`: strings in ECS JSON ("1 vCPU", "2 GB", "1024").
//!
//! DG task-cpu-memory-error: cpu may be given in CPU units or vCPUs and memory in MiB or GB;
//! ECS converts both to integers (CPU units, MiB) when the task definition is registered.
//! Both are JSON strings in the API: a JSON number is refused, as the AWS CLI refuses it
//! (`parse` reports it in the CLI's words before this type sees it).

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The text of a task-level `cpu` or `memory` value, kept as written so it round-trips.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaskSize(pub String);

/// A task size whose text is not a number of the expected unit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidTaskSize {
    /// The text as written.
    pub text: String,
}

impl TaskSize {
    /// CPU units: "256" → 256, "1 vCPU" / "0.25 vcpu" → ×1024.
    pub fn cpu_units(&self) -> Result<u32, InvalidTaskSize> {
        parse_scaled(&self.0, &["vcpu"])
    }

    /// MiB: "512" → 512, "2 GB" / "2GB" / "0.5 GB" → ×1024.
    pub fn memory_mib(&self) -> Result<u32, InvalidTaskSize> {
        parse_scaled(&self.0, &["gb"])
    }
}

/// Parses `<number>` (plain integer) or `<decimal> <unit>` (×1024, must come out whole).
fn parse_scaled(text: &str, units: &[&str]) -> Result<u32, InvalidTaskSize> {
    let invalid = || InvalidTaskSize {
        text: text.to_string(),
    };
    let trimmed = text.trim();
    let lower = trimmed.to_ascii_lowercase();
    let (number, scaled) = match units.iter().find(|u| lower.ends_with(*u)) {
        Some(unit) => (lower[..lower.len() - unit.len()].trim_end(), true),
        None => (lower.as_str(), false),
    };
    let (whole, frac) = match number.split_once('.') {
        Some((w, f)) => (w, f),
        None => (number, ""),
    };
    let digits_ok = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() && frac.is_empty()
        || !digits_ok(whole)
        || !digits_ok(frac)
        || whole.len() > 12
        || frac.len() > 12
        || (!scaled && !frac.is_empty())
    {
        return Err(invalid());
    }
    let whole_v: u128 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| invalid())?
    };
    let frac_v: u128 = if frac.is_empty() {
        0
    } else {
        frac.parse().map_err(|_| invalid())?
    };
    let denom = 10u128.pow(frac.len() as u32);
    let numerator = whole_v * denom + frac_v;
    let factor = if scaled { 1024 } else { 1 };
    let total = numerator * factor;
    if total % denom != 0 {
        return Err(invalid());
    }
    u32::try_from(total / denom).map_err(|_| invalid())
}

impl Serialize for TaskSize {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for TaskSize {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct SizeVisitor;
        impl Visitor<'_> for SizeVisitor {
            type Value = TaskSize;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string such as \"1024\", \"1 vCPU\" or \"2 GB\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<TaskSize, E> {
                Ok(TaskSize(v.to_string()))
            }
        }
        d.deserialize_str(SizeVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> TaskSize {
        TaskSize(s.to_string())
    }

    #[test]
    fn task_cpu_accepts_units_and_vcpus() {
        assert_eq!(t("256").cpu_units(), Ok(256));
        assert_eq!(t("1 vCPU").cpu_units(), Ok(1024));
        assert_eq!(t("0.25 vcpu").cpu_units(), Ok(256));
        assert_eq!(t(".5 vCPU").cpu_units(), Ok(512));
        assert_eq!(t("2vCPU").cpu_units(), Ok(2048));
    }

    #[test]
    fn task_memory_accepts_mib_and_gb() {
        assert_eq!(t("512").memory_mib(), Ok(512));
        assert_eq!(t("2 GB").memory_mib(), Ok(2048));
        assert_eq!(t("2GB").memory_mib(), Ok(2048));
        assert_eq!(t("0.5 gb").memory_mib(), Ok(512));
    }

    #[test]
    fn task_size_rejects_garbage_fractions_and_overflow() {
        for bad in [
            "",
            "abc",
            "1.5",
            "-1",
            "1 GB",
            "0.0001 vCPU",
            "99999999999999 vCPU",
            "vCPU",
        ] {
            assert!(t(bad).cpu_units().is_err(), "{bad}");
        }
        assert!(t("1 vCPU").memory_mib().is_err());
        assert!(t("5000000000").memory_mib().is_err());
    }

    #[test]
    fn task_size_reads_only_a_json_string() {
        let a: TaskSize = serde_json::from_str("\"1 vCPU\"").unwrap();
        assert_eq!(a, t("1 vCPU"));
        let b: TaskSize = serde_json::from_str("\"1024\"").unwrap();
        assert_eq!(b, t("1024"));
        assert!(serde_json::from_str::<TaskSize>("1024").is_err());
        assert!(serde_json::from_str::<TaskSize>("true").is_err());
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"1024\"");
    }
}
