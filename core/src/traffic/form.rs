//! The traffic form: a service's `traffic` entry (a simulator key): the rate profile's shape
//! and parameters, the CPU per request and the tasks' base footprint. The form edits the typed
//! [`TrafficSpec`], so the written JSON is always in the documented shape; the document is
//! edited as JSON (see [`crate::form`]).

use super::{RateProfile, TrafficSpec};
use crate::form::find::{find_service, no_service};
use crate::form::refusal;
use crate::form::value::{array, array_mut};
use serde_json::Value;

/// Profile `shape`s, in the order the form lists them.
pub const SHAPES: [&str; 5] = ["constant", "step", "ramp", "dailySine", "spike"];

/// One number of a profile, for a form field.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileField {
    /// The document key (`requestsPerSecond`, `atSeconds` …).
    pub key: &'static str,
    /// Its value.
    pub value: f64,
    /// It is a time in seconds (a whole number) rather than a rate.
    pub seconds: bool,
}

/// The `traffic` entry of the service named `service`, if it has a readable one.
pub fn traffic(doc: &Value, service: &str) -> Option<TrafficSpec> {
    array(doc, "traffic")
        .iter()
        .find(|e| e.get("serviceName").and_then(Value::as_str) == Some(service))
        .and_then(|e| serde_json::from_value(e.clone()).ok())
}

/// A starting entry for a service without traffic: 50 requests per second from the internet
/// at 10 ms of CPU each.
pub fn default_traffic(service: &str) -> TrafficSpec {
    TrafficSpec {
        service_name: service.to_string(),
        from_service: None,
        profile: RateProfile::Constant {
            requests_per_second: 50.0,
        },
        cpu_millis_per_request: 10.0,
        memory_mib_per_concurrent_request: 0.0,
        base_cpu_percent: 0.0,
        base_memory_mib: 0.0,
        timeout_millis: super::DEFAULT_TIMEOUT_MILLIS,
    }
}

/// Writes `t` as the entry of its service (replacing the old one or adding it), or names the
/// field that is out of range (the document is then unchanged).
pub fn set_traffic(doc: &mut Value, t: &TrafficSpec) -> Result<(), String> {
    check(t)?;
    if find_service(doc, &t.service_name).is_none() {
        return Err(no_service(&t.service_name));
    }
    let value = serde_json::to_value(t).map_err(|e| e.to_string())?;
    let list = array_mut(doc, "traffic")?;
    match list
        .iter_mut()
        .find(|e| e.get("serviceName").and_then(Value::as_str) == Some(&t.service_name))
    {
        Some(e) => *e = value,
        None => list.push(value),
    }
    Ok(())
}

/// Removes the service's traffic entry (and the key when it was the last).
pub fn remove_traffic(doc: &mut Value, service: &str) {
    let Some(obj) = doc.as_object_mut() else {
        return;
    };
    if let Some(list) = obj.get_mut("traffic").and_then(Value::as_array_mut) {
        list.retain(|e| e.get("serviceName").and_then(Value::as_str) != Some(service));
        if list.is_empty() {
            obj.shift_remove("traffic");
        }
    }
}

/// The profile's `shape` name.
pub fn shape(p: &RateProfile) -> &'static str {
    match p {
        RateProfile::Constant { .. } => "constant",
        RateProfile::Step { .. } => "step",
        RateProfile::Ramp { .. } => "ramp",
        RateProfile::DailySine { .. } => "dailySine",
        RateProfile::Spike { .. } => "spike",
    }
}

/// `p` changed to `shape`, keeping its base rate and filling the rest with a readable example
/// (double the rate after 5 minutes, a 10-minute burst …). An unknown shape keeps `p`.
pub fn with_shape(p: &RateProfile, shape: &str) -> RateProfile {
    let r = base_rate(p);
    match shape {
        "constant" => RateProfile::Constant {
            requests_per_second: r,
        },
        "step" => RateProfile::Step {
            requests_per_second: r,
            then_requests_per_second: r * 2.0,
            at_seconds: 300,
        },
        "ramp" => RateProfile::Ramp {
            from_requests_per_second: r,
            to_requests_per_second: r * 3.0,
            start_seconds: 300,
            end_seconds: 1200,
        },
        "dailySine" => RateProfile::DailySine {
            min_requests_per_second: r,
            max_requests_per_second: r * 3.0,
            peak_at_seconds: 1800,
            period_seconds: 3600,
        },
        "spike" => RateProfile::Spike {
            requests_per_second: r,
            spike_requests_per_second: r * 3.0,
            at_seconds: 300,
            duration_seconds: 600,
        },
        _ => p.clone(),
    }
}

fn base_rate(p: &RateProfile) -> f64 {
    match p {
        RateProfile::Constant {
            requests_per_second,
        }
        | RateProfile::Step {
            requests_per_second,
            ..
        }
        | RateProfile::Spike {
            requests_per_second,
            ..
        } => *requests_per_second,
        RateProfile::Ramp {
            from_requests_per_second,
            ..
        } => *from_requests_per_second,
        RateProfile::DailySine {
            min_requests_per_second,
            ..
        } => *min_requests_per_second,
    }
}

/// The profile's numbers in document order, for its form fields.
pub fn profile_fields(p: &RateProfile) -> Vec<ProfileField> {
    let rate = |key, value: f64| ProfileField {
        key,
        value,
        seconds: false,
    };
    let secs = |key, value: u32| ProfileField {
        key,
        value: f64::from(value),
        seconds: true,
    };
    match *p {
        RateProfile::Constant {
            requests_per_second,
        } => vec![rate("requestsPerSecond", requests_per_second)],
        RateProfile::Step {
            requests_per_second,
            then_requests_per_second,
            at_seconds,
        } => vec![
            rate("requestsPerSecond", requests_per_second),
            rate("thenRequestsPerSecond", then_requests_per_second),
            secs("atSeconds", at_seconds),
        ],
        RateProfile::Ramp {
            from_requests_per_second,
            to_requests_per_second,
            start_seconds,
            end_seconds,
        } => vec![
            rate("fromRequestsPerSecond", from_requests_per_second),
            rate("toRequestsPerSecond", to_requests_per_second),
            secs("startSeconds", start_seconds),
            secs("endSeconds", end_seconds),
        ],
        RateProfile::DailySine {
            min_requests_per_second,
            max_requests_per_second,
            peak_at_seconds,
            period_seconds,
        } => vec![
            rate("minRequestsPerSecond", min_requests_per_second),
            rate("maxRequestsPerSecond", max_requests_per_second),
            secs("peakAtSeconds", peak_at_seconds),
            secs("periodSeconds", period_seconds),
        ],
        RateProfile::Spike {
            requests_per_second,
            spike_requests_per_second,
            at_seconds,
            duration_seconds,
        } => vec![
            rate("requestsPerSecond", requests_per_second),
            rate("spikeRequestsPerSecond", spike_requests_per_second),
            secs("atSeconds", at_seconds),
            secs("durationSeconds", duration_seconds),
        ],
    }
}

/// Sets the profile number `key` to `value` (a rate 0–1,000,000, or whole seconds), or says why
/// not. Relations between fields (ramp end after start …) are checked by [`set_traffic`].
pub fn set_profile_field(p: &mut RateProfile, key: &str, value: f64) -> Result<(), String> {
    let field = profile_fields(p)
        .into_iter()
        .find(|f| f.key == key)
        .ok_or_else(|| format!("a {} profile has no {key}", shape(p)))?;
    if field.seconds {
        if !(value.is_finite()
            && value >= 0.0
            && value.fract() == 0.0
            && value <= f64::from(u32::MAX))
        {
            return Err(format!(
                "{key} must be a whole number of seconds; got {value}"
            ));
        }
    } else if let Some(message) = super::resolve::rate_problem(key, value) {
        return Err(message);
    }
    let s = value as u32;
    match p {
        RateProfile::Constant {
            requests_per_second,
        } => *requests_per_second = value,
        RateProfile::Step {
            requests_per_second,
            then_requests_per_second,
            at_seconds,
        } => match key {
            "requestsPerSecond" => *requests_per_second = value,
            "thenRequestsPerSecond" => *then_requests_per_second = value,
            _ => *at_seconds = s,
        },
        RateProfile::Ramp {
            from_requests_per_second,
            to_requests_per_second,
            start_seconds,
            end_seconds,
        } => match key {
            "fromRequestsPerSecond" => *from_requests_per_second = value,
            "toRequestsPerSecond" => *to_requests_per_second = value,
            "startSeconds" => *start_seconds = s,
            _ => *end_seconds = s,
        },
        RateProfile::DailySine {
            min_requests_per_second,
            max_requests_per_second,
            peak_at_seconds,
            period_seconds,
        } => match key {
            "minRequestsPerSecond" => *min_requests_per_second = value,
            "maxRequestsPerSecond" => *max_requests_per_second = value,
            "peakAtSeconds" => *peak_at_seconds = s,
            _ => *period_seconds = s,
        },
        RateProfile::Spike {
            requests_per_second,
            spike_requests_per_second,
            at_seconds,
            duration_seconds,
        } => match key {
            "requestsPerSecond" => *requests_per_second = value,
            "spikeRequestsPerSecond" => *spike_requests_per_second = value,
            "atSeconds" => *at_seconds = s,
            _ => *duration_seconds = s,
        },
    }
    Ok(())
}

/// The Traffic form refuses what loading the scenario would: the entry's own checks in
/// [`super::resolve::check_entry`], first problem first.
fn check(t: &TrafficSpec) -> Result<(), String> {
    refusal(super::resolve::check_entry(t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::test_support::doc;

    const STEP: &str = include_str!("../../../tests/golden/traffic_step_doubles_cpu.json");
    const NONE: &str = include_str!("../../../tests/golden/managed_scaling.json");

    #[test]
    fn reads_a_step_profile_and_its_fields() {
        let t = traffic(&doc(STEP), "web").expect("entry");
        assert_eq!(shape(&t.profile), "step");
        let f = profile_fields(&t.profile);
        let keys: Vec<&str> = f.iter().map(|f| f.key).collect();
        assert_eq!(
            keys,
            ["requestsPerSecond", "thenRequestsPerSecond", "atSeconds"]
        );
        assert_eq!(f[0].value, 50.0);
        assert!(f[2].seconds && !f[0].seconds);
        assert_eq!(traffic(&doc(NONE), "worker"), None);
    }

    #[test]
    fn fields_are_set_by_key_and_checked() {
        let mut p = with_shape(
            &RateProfile::Constant {
                requests_per_second: 10.0,
            },
            "spike",
        );
        set_profile_field(&mut p, "spikeRequestsPerSecond", 99.5).expect("rate");
        set_profile_field(&mut p, "durationSeconds", 60.0).expect("seconds");
        assert_eq!(
            p,
            RateProfile::Spike {
                requests_per_second: 10.0,
                spike_requests_per_second: 99.5,
                at_seconds: 300,
                duration_seconds: 60
            }
        );
        assert!(set_profile_field(&mut p, "atSeconds", 1.5)
            .unwrap_err()
            .starts_with("atSeconds"));
        assert!(set_profile_field(&mut p, "requestsPerSecond", -1.0).is_err());
        assert!(set_profile_field(&mut p, "requestsPerSecond", 2e6).is_err());
        assert!(set_profile_field(&mut p, "endSeconds", 5.0).is_err());
    }

    #[test]
    fn bad_entries_are_refused_with_the_field_name_and_nothing_changes() {
        let mut d = doc(STEP);
        let before = d.clone();
        let ok = traffic(&d, "web").expect("entry");
        let bad = [
            (
                TrafficSpec {
                    cpu_millis_per_request: 0.0,
                    ..ok.clone()
                },
                "cpuMillisPerRequest",
            ),
            (
                TrafficSpec {
                    base_cpu_percent: 100.0,
                    ..ok.clone()
                },
                "baseCpuPercent",
            ),
            (
                TrafficSpec {
                    base_memory_mib: -1.0,
                    ..ok.clone()
                },
                "baseMemoryMiB",
            ),
            (
                TrafficSpec {
                    profile: RateProfile::Ramp {
                        from_requests_per_second: 1.0,
                        to_requests_per_second: 2.0,
                        start_seconds: 60,
                        end_seconds: 60,
                    },
                    ..ok.clone()
                },
                "endSeconds",
            ),
            (
                TrafficSpec {
                    profile: RateProfile::DailySine {
                        min_requests_per_second: 5.0,
                        max_requests_per_second: 1.0,
                        peak_at_seconds: 0,
                        period_seconds: 3600,
                    },
                    ..ok.clone()
                },
                "maxRequestsPerSecond",
            ),
        ];
        for (t, field) in bad {
            let e = set_traffic(&mut d, &t).unwrap_err();
            assert!(e.starts_with(field), "{e}");
        }
        assert_eq!(d, before);
    }
}
