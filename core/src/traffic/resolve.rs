//! Checks the `traffic` key and the services' discovery keys (`serviceRegistries`,
//! `serviceConnectConfiguration`) and resolves them into a [`TrafficModel`], with a JSON path
//! for every problem.

use super::{RateProfile, RequestCost, Source, TrafficEntry, TrafficModel, TrafficSpec};
use crate::discovery;
use crate::service::{ServiceModel, ServiceSpec};
use crate::Problem;

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
    for (i, svc) in service_specs.iter().enumerate() {
        let path = format!("services[{i}].serviceRegistries");
        for q in discovery::resolve::check_registries(&path, &svc.service_registries) {
            p(q.path, q.message);
        }
    }
    let index = |name: &str| services.iter().position(|s| s.name == name);
    let mut entries = Vec::new();
    let mut served: Vec<usize> = Vec::new();
    for (i, t) in specs.iter().enumerate() {
        let path = format!("traffic[{i}]");
        let Some(s) = index(&t.service_name) else {
            p(
                format!("{path}.serviceName"),
                format!("no service named '{}'", t.service_name),
            );
            continue;
        };
        if served.contains(&s) {
            p(
                format!("{path}.serviceName"),
                format!(
                    "service '{}' already has a traffic entry (the simulator takes one per service)",
                    t.service_name
                ),
            );
            continue;
        }
        served.push(s);
        check_profile(&t.profile, &format!("{path}.profile"), &mut p);
        check_cost(t, &path, &mut p);
        let (source, discovery) = match &t.from_service {
            None => (Source::Internet, None),
            Some(client) => {
                let Some(c) = index(client) else {
                    p(
                        format!("{path}.fromService"),
                        format!("no service named '{client}'"),
                    );
                    continue;
                };
                if c == s {
                    p(
                        format!("{path}.fromService"),
                        "a service cannot be its own client".into(),
                    );
                    continue;
                }
                let server = &service_specs[s];
                let Some(discovery) = discovery::resolve::between(
                    &server.service_registries,
                    server.service_connect_configuration.as_ref(),
                    service_specs[c].service_connect_configuration.as_ref(),
                ) else {
                    p(format!("{path}.fromService"), format!("service '{}' cannot be discovered by '{client}': give it serviceRegistries (Cloud Map DNS), or serviceConnectConfiguration with services on it and enabled on the client", t.service_name));
                    continue;
                };
                (Source::Client(c), Some(discovery))
            }
        };
        entries.push(TrafficEntry {
            service: s,
            source,
            discovery,
            profile: t.profile.clone(),
            cost: RequestCost {
                cpu_millis_per_request: t.cpu_millis_per_request,
                memory_mib_per_concurrent_request: t.memory_mib_per_concurrent_request,
                base_cpu_percent: t.base_cpu_percent,
                base_memory_mib: t.base_memory_mib,
                timeout_millis: f64::from(t.timeout_millis),
            },
        });
    }
    for spike in spikes {
        let Spike {
            timeline_index: i,
            service,
            multiplier,
            duration_seconds,
        } = *spike;
        let path = format!("timeline[{i}]");
        if let Some(s) = index(service) {
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
    (TrafficModel { entries }, problems)
}

fn rate(path: String, v: f64, p: &mut impl FnMut(String, String)) {
    if !(0.0..=MAX_REQUESTS_PER_SECOND).contains(&v) {
        p(
            path,
            format!("must be from 0 to {MAX_REQUESTS_PER_SECOND} requests per second; got {v}"),
        );
    }
}

fn check_profile(profile: &RateProfile, path: &str, p: &mut impl FnMut(String, String)) {
    match *profile {
        RateProfile::Constant {
            requests_per_second,
        } => rate(format!("{path}.requestsPerSecond"), requests_per_second, p),
        RateProfile::Step {
            requests_per_second,
            then_requests_per_second,
            ..
        } => {
            rate(format!("{path}.requestsPerSecond"), requests_per_second, p);
            rate(
                format!("{path}.thenRequestsPerSecond"),
                then_requests_per_second,
                p,
            );
        }
        RateProfile::Ramp {
            from_requests_per_second,
            to_requests_per_second,
            start_seconds,
            end_seconds,
        } => {
            rate(
                format!("{path}.fromRequestsPerSecond"),
                from_requests_per_second,
                p,
            );
            rate(
                format!("{path}.toRequestsPerSecond"),
                to_requests_per_second,
                p,
            );
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
            rate(
                format!("{path}.minRequestsPerSecond"),
                min_requests_per_second,
                p,
            );
            rate(
                format!("{path}.maxRequestsPerSecond"),
                max_requests_per_second,
                p,
            );
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
            requests_per_second,
            spike_requests_per_second,
            duration_seconds,
            ..
        } => {
            rate(format!("{path}.requestsPerSecond"), requests_per_second, p);
            rate(
                format!("{path}.spikeRequestsPerSecond"),
                spike_requests_per_second,
                p,
            );
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
            format!("{path}.cpuMillisPerRequest"),
            format!("cpuMillisPerRequest must be above 0 and at most {MAX_MILLIS}; got {c}"),
        );
    }
    let m = t.memory_mib_per_concurrent_request;
    if !(0.0..=1_048_576.0).contains(&m) {
        p(
            format!("{path}.memoryMiBPerConcurrentRequest"),
            format!("memoryMiBPerConcurrentRequest must be from 0 to 1048576; got {m}"),
        );
    }
    let b = t.base_cpu_percent;
    if !(0.0..100.0).contains(&b) {
        p(
            format!("{path}.baseCpuPercent"),
            format!("baseCpuPercent must be at least 0 and below 100; got {b}"),
        );
    }
    let bm = t.base_memory_mib;
    if !(0.0..=1_048_576.0).contains(&bm) {
        p(
            format!("{path}.baseMemoryMiB"),
            format!("baseMemoryMiB must be from 0 to 1048576; got {bm}"),
        );
    }
    if t.timeout_millis == 0 || f64::from(t.timeout_millis) > MAX_MILLIS {
        p(
            format!("{path}.timeoutMillis"),
            format!("timeoutMillis must be from 1 to {MAX_MILLIS}"),
        );
    }
}
