//! Checks the `traffic` key and the services' discovery keys (`serviceRegistries`,
//! `serviceConnectConfiguration`) and resolves them into a [`TrafficModel`], with a JSON path
//! for every problem.

use super::{RateProfile, RequestCost, Source, TrafficEntry, TrafficModel, TrafficSpec};
use crate::discovery::{self, Discovery};
use crate::problem::{join_path, Problem};
use crate::service::{ServiceModel, ServiceSpec};

/// Simulator limit on one rate: a million requests per second (far above what one ECS service
/// in the playground can serve, low enough that sums stay exact in f64).
pub const MAX_REQUESTS_PER_SECOND: f64 = 1_000_000.0;
/// Simulator limit on a request's CPU time and timeout: one hour, ms.
pub const MAX_MILLIS: f64 = 3_600_000.0;
/// Simulator limit on a `trafficSpike` multiplier: 100 times the rate (10,000 percent).
pub const MAX_SPIKE_PERCENT: u32 = 10_000;

/// A timeline `trafficSpike` event, as written: its place in the timeline, the service, the
/// multiplier (percent) and how long it lasts.
#[derive(Debug, Clone, Copy)]
pub struct Spike<'a> {
    /// Index into the scenario's timeline (for the problem's path).
    pub timeline_index: usize,
    /// The service whose traffic is multiplied.
    pub service: &'a str,
    /// Percent of the profile's rate.
    pub multiplier: u32,
    /// Seconds.
    pub duration_seconds: u32,
}

/// Resolves the traffic entries against the already resolved services.
///
/// `service_specs` are the services as written and `services` as resolved (for names); `spikes`
/// are the timeline's `trafficSpike` events, checked here against the entries.
pub fn resolve(
    specs: &[TrafficSpec],
    service_specs: &[ServiceSpec],
    services: &[ServiceModel],
    spikes: &[Spike<'_>],
) -> (TrafficModel, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut p = |path: String, message: String| problems.push(Problem::new(path, message));
    check_service_registries(service_specs, &mut p);
    let mut entries = Vec::new();
    let mut served: Vec<usize> = Vec::new();
    for (i, t) in specs.iter().enumerate() {
        if let Some(entry) = traffic_entry(i, t, service_specs, services, &mut served, &mut p) {
            entries.push(entry);
        }
    }
    for spike in spikes {
        check_spike(spike, services, &entries, &mut p);
    }
    (TrafficModel { entries }, problems)
}

/// Whether the scenario declares a service named `name` (resolved or not).
fn declared(service_specs: &[ServiceSpec], name: &str) -> bool {
    service_specs.iter().any(|s| s.service_name == name)
}

/// The position of the resolved service named `name`, if any.
fn service_index(services: &[ServiceModel], name: &str) -> Option<usize> {
    services.iter().position(|s| s.name == name)
}

/// Each service's `serviceRegistries` (Cloud Map), checked before the traffic entries that
/// rely on them for discovery.
fn check_service_registries(service_specs: &[ServiceSpec], p: &mut impl FnMut(String, String)) {
    for (i, svc) in service_specs.iter().enumerate() {
        let path = format!("services[{i}].serviceRegistries");
        for q in discovery::resolve::check_registries(&path, &svc.service_registries) {
            p(q.path, q.message);
        }
    }
}

/// One `traffic[i]` entry: a known service that has no entry yet (the simulator takes one per
/// service), a valid profile and cost, and a source that can reach it. `served` records the
/// service as taken once its name checks out, even if a later check drops the entry.
fn traffic_entry(
    i: usize,
    t: &TrafficSpec,
    service_specs: &[ServiceSpec],
    services: &[ServiceModel],
    served: &mut Vec<usize>,
    p: &mut impl FnMut(String, String),
) -> Option<TrafficEntry> {
    let path = format!("traffic[{i}]");
    let Some(s) = service_index(services, &t.service_name) else {
        // A service that is declared but did not resolve has its own problems: one cause, one
        // message.
        if !declared(service_specs, &t.service_name) {
            p(
                format!("{path}.serviceName"),
                format!("no service named '{}'", t.service_name),
            );
        }
        return None;
    };
    if served.contains(&s) {
        p(
            format!("{path}.serviceName"),
            format!(
                "service '{}' already has a traffic entry (the simulator takes one per service)",
                t.service_name
            ),
        );
        return None;
    }
    served.push(s);
    for q in check_entry(t) {
        p(join_path(&path, &q.path), q.message);
    }
    let (source, discovery) = traffic_source(&path, t, s, service_specs, services, p)?;
    let namespaces_apart = match source {
        Source::Client(c) => discovery::resolve::namespaces_apart(
            service_specs[s].service_connect_configuration.as_ref(),
            service_specs[c].service_connect_configuration.as_ref(),
        ),
        Source::Internet => None,
    };
    Some(TrafficEntry {
        service: s,
        source,
        discovery,
        namespaces_apart,
        profile: t.profile.clone(),
        cost: RequestCost {
            cpu_millis_per_request: t.cpu_millis_per_request,
            memory_mib_per_concurrent_request: t.memory_mib_per_concurrent_request,
            base_cpu_percent: t.base_cpu_percent,
            base_memory_mib: t.base_memory_mib,
            timeout_millis: f64::from(t.timeout_millis),
        },
    })
}

/// Who sends the requests to service `s`: the internet, or a `fromService` client that is
/// another service and can discover the server through Cloud Map DNS or Service Connect.
/// `None` (with a problem reported) when the client cannot.
fn traffic_source(
    path: &str,
    t: &TrafficSpec,
    s: usize,
    service_specs: &[ServiceSpec],
    services: &[ServiceModel],
    p: &mut impl FnMut(String, String),
) -> Option<(Source, Option<Discovery>)> {
    let Some(client) = &t.from_service else {
        return Some((Source::Internet, None));
    };
    let Some(c) = service_index(services, client) else {
        if !declared(service_specs, client) {
            p(
                format!("{path}.fromService"),
                format!("no service named '{client}'"),
            );
        }
        return None;
    };
    if c == s {
        p(
            format!("{path}.fromService"),
            "a service cannot be its own client".into(),
        );
        return None;
    }
    let server = &service_specs[s];
    let Some(discovery) = discovery::resolve::between(
        &server.service_registries,
        server.service_connect_configuration.as_ref(),
        service_specs[c].service_connect_configuration.as_ref(),
    ) else {
        p(format!("{path}.fromService"), format!("service '{}' cannot be discovered by '{client}': give it serviceRegistries (Cloud Map DNS), or serviceConnectConfiguration with services on it and enabled on the client, both in the same namespace", t.service_name));
        return None;
    };
    Some((Source::Client(c), Some(discovery)))
}

/// A timeline `trafficSpike`: it multiplies an existing traffic entry, by 1 to
/// [`MAX_SPIKE_PERCENT`] percent, for 1 second to a day.
fn check_spike(
    spike: &Spike<'_>,
    services: &[ServiceModel],
    entries: &[TrafficEntry],
    p: &mut impl FnMut(String, String),
) {
    let Spike {
        timeline_index: i,
        service,
        multiplier,
        duration_seconds,
    } = *spike;
    let path = format!("timeline[{i}]");
    if let Some(s) = service_index(services, service) {
        if !entries.iter().any(|t| t.service == s) {
            p(
                format!("{path}.service"),
                format!("service '{service}' has no traffic entry to multiply"),
            );
        }
    }
    if !(1..=MAX_SPIKE_PERCENT).contains(&multiplier) {
        p(
            format!("{path}.multiplier"),
            format!("multiplier is a percent from 1 to {MAX_SPIKE_PERCENT}; got {multiplier}"),
        );
    }
    if !(1..=86_400).contains(&duration_seconds) {
        p(
            format!("{path}.durationSeconds"),
            format!("durationSeconds must be from 1 to 86400; got {duration_seconds}"),
        );
    }
}

/// A request rate outside 0 to [`MAX_REQUESTS_PER_SECOND`], in words that name `field`.
pub fn rate_problem(field: &str, v: f64) -> Option<String> {
    (!(0.0..=MAX_REQUESTS_PER_SECOND).contains(&v)).then(|| {
        format!("{field} must be from 0 to {MAX_REQUESTS_PER_SECOND} requests per second; got {v}")
    })
}

/// The problems of one traffic entry's profile and request cost, with paths relative to the
/// entry: what resolve reports (under `traffic[i]`) and what the Traffic form refuses.
pub fn check_entry(t: &TrafficSpec) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut p = |path: String, message: String| out.push(Problem::new(path, message));
    check_profile(&t.profile, "profile", &mut p);
    check_cost(t, "", &mut p);
    out
}

/// A rate profile: every rate within [`MAX_REQUESTS_PER_SECOND`], then the checks of its
/// shape.
fn check_profile(profile: &RateProfile, path: &str, p: &mut impl FnMut(String, String)) {
    for (field, v) in profile_rates(profile) {
        if let Some(message) = rate_problem(field, v) {
            p(format!("{path}.{field}"), message);
        }
    }
    check_profile_shape(profile, path, p);
}

/// The request rates a profile names, with their JSON keys, in document order.
fn profile_rates(profile: &RateProfile) -> Vec<(&'static str, f64)> {
    match *profile {
        RateProfile::Constant {
            requests_per_second,
        } => vec![("requestsPerSecond", requests_per_second)],
        RateProfile::Step {
            requests_per_second,
            then_requests_per_second,
            ..
        } => vec![
            ("requestsPerSecond", requests_per_second),
            ("thenRequestsPerSecond", then_requests_per_second),
        ],
        RateProfile::Ramp {
            from_requests_per_second,
            to_requests_per_second,
            ..
        } => vec![
            ("fromRequestsPerSecond", from_requests_per_second),
            ("toRequestsPerSecond", to_requests_per_second),
        ],
        RateProfile::DailySine {
            min_requests_per_second,
            max_requests_per_second,
            ..
        } => vec![
            ("minRequestsPerSecond", min_requests_per_second),
            ("maxRequestsPerSecond", max_requests_per_second),
        ],
        RateProfile::Spike {
            requests_per_second,
            spike_requests_per_second,
            ..
        } => vec![
            ("requestsPerSecond", requests_per_second),
            ("spikeRequestsPerSecond", spike_requests_per_second),
        ],
    }
}

/// The shape of a profile beyond its rates: a ramp ends after it starts, a daily sine's maximum
/// is not below its minimum and its period is at least a minute (one metric period), a spike
/// lasts at least a second.
fn check_profile_shape(profile: &RateProfile, path: &str, p: &mut impl FnMut(String, String)) {
    match *profile {
        RateProfile::Constant { .. } | RateProfile::Step { .. } => {}
        RateProfile::Ramp {
            start_seconds,
            end_seconds,
            ..
        } => {
            if end_seconds <= start_seconds {
                p(
                    format!("{path}.endSeconds"),
                    format!("endSeconds must be after startSeconds ({start_seconds})"),
                );
            }
        }
        RateProfile::DailySine {
            min_requests_per_second,
            max_requests_per_second,
            period_seconds,
            ..
        } => {
            if max_requests_per_second < min_requests_per_second {
                p(
                    format!("{path}.maxRequestsPerSecond"),
                    "maxRequestsPerSecond must not be below minRequestsPerSecond".into(),
                );
            }
            if period_seconds < 60 {
                p(
                    format!("{path}.periodSeconds"),
                    "periodSeconds must be at least 60".into(),
                );
            }
        }
        RateProfile::Spike {
            duration_seconds, ..
        } => {
            if duration_seconds == 0 {
                p(
                    format!("{path}.durationSeconds"),
                    "durationSeconds must be at least 1".into(),
                );
            }
        }
    }
}

fn check_cost(t: &TrafficSpec, path: &str, p: &mut impl FnMut(String, String)) {
    let c = t.cpu_millis_per_request;
    if !(c > 0.0 && c <= MAX_MILLIS) {
        p(
            join_path(path, "cpuMillisPerRequest"),
            format!("cpuMillisPerRequest must be above 0 and at most {MAX_MILLIS}; got {c}"),
        );
    }
    let m = t.memory_mib_per_concurrent_request;
    if !(0.0..=1_048_576.0).contains(&m) {
        p(
            join_path(path, "memoryMiBPerConcurrentRequest"),
            format!("memoryMiBPerConcurrentRequest must be from 0 to 1048576; got {m}"),
        );
    }
    let b = t.base_cpu_percent;
    if !(0.0..100.0).contains(&b) {
        p(
            join_path(path, "baseCpuPercent"),
            format!("baseCpuPercent must be at least 0 and below 100; got {b}"),
        );
    }
    let bm = t.base_memory_mib;
    if !(0.0..=1_048_576.0).contains(&bm) {
        p(
            join_path(path, "baseMemoryMiB"),
            format!("baseMemoryMiB must be from 0 to 1048576; got {bm}"),
        );
    }
    if t.timeout_millis == 0 || f64::from(t.timeout_millis) > MAX_MILLIS {
        p(
            join_path(path, "timeoutMillis"),
            format!("timeoutMillis must be from 1 to {MAX_MILLIS}"),
        );
    }
}
