//! Deployment alarms (DG "How CloudWatch alarms detect Amazon ECS deployment failures", API
//! DeploymentAlarms): the scenario's `cloudWatchAlarms` resolved, the names a service's
//! `deploymentConfiguration.alarms` lists tied to them, and when a deployment watches them.
//!
//! ECS starts watching "as soon as any task is running on the updated service" and, for a
//! rolling update, keeps the deployment IN_PROGRESS for a bake time after it is steady; it
//! computes that bake time from the alarms and does not document how. **The playground's
//! choice:** the longest `evaluationPeriods` of the service's alarms, in minutes, counted from
//! the moment it is steady and ended one second after the next minute's datapoints (alarms
//! are evaluated on whole minutes), so every alarm has judged a full window that began after
//! the deployment was steady before it completes.
//! Traffic-shifting deployments (blue/green, canary, linear) keep their own
//! `bakeTimeInMinutes`, during which the alarms are watched too.

use super::resolve::AlarmWatch;
use crate::metrics::alarm::{check_metric_alarm, metric_alarm, MetricAlarmSpec, ServiceAlarm};
use crate::metrics::PERIOD_MS;
use crate::problem::{Problem, Problems};
use crate::time::Millis;

/// Most `cloudWatchAlarms` entries in a scenario (the simulator's bound; each is evaluated
/// once per simulated minute while a deployment watches it).
pub const MAX_ALARMS: usize = 200;

/// Resolves `cloudWatchAlarms` against the resolved services (`services[i]` is service `i`'s
/// name); a service `declared` but refused is not named again (its own problems explain it).
pub fn resolve_alarms(
    specs: &[MetricAlarmSpec],
    services: &[&str],
    declared: &[&str],
) -> (Vec<ServiceAlarm>, Vec<Problem>) {
    let mut out = Vec::new();
    let mut p = Problems::default();
    if specs.len() > MAX_ALARMS {
        p.push(
            "cloudWatchAlarms",
            format!("at most {MAX_ALARMS} alarms (the simulator's limit)"),
        );
        return (out, p.into_vec());
    }
    for (i, a) in specs.iter().enumerate() {
        let path = format!("cloudWatchAlarms[{i}]");
        for problem in check_metric_alarm(a) {
            p.push(format!("{path}.{}", problem.path), problem.message);
        }
        if specs[..i].iter().any(|b| b.alarm_name == a.alarm_name) {
            p.push(
                format!("{path}.alarmName"),
                format!("another alarm is already named {}", a.alarm_name),
            );
        }
        let Some(service) = services.iter().position(|s| *s == a.service_name) else {
            if !declared.contains(&a.service_name.as_str()) {
                p.push(
                    format!("{path}.serviceName"),
                    format!("no service named {}", a.service_name),
                );
            }
            continue;
        };
        if let Some(alarm) = metric_alarm(a) {
            out.push(ServiceAlarm {
                name: a.alarm_name.clone(),
                service,
                alarm,
            });
        }
    }
    (out, p.into_vec())
}

/// Ties the names service `path` lists to resolved alarms (their indices in `alarms`).
pub fn link(path: &str, watch: &mut AlarmWatch, alarms: &[ServiceAlarm], p: &mut Problems) {
    watch.alarms.clear();
    for (j, name) in watch.names.iter().enumerate() {
        match alarms.iter().position(|a| a.name == *name) {
            Some(k) => {
                if !watch.alarms.contains(&k) {
                    watch.alarms.push(k);
                }
            }
            None => p.push(
                format!("{path}.deploymentConfiguration.alarms.alarmNames[{j}]"),
                format!("no alarm named {name} in cloudWatchAlarms"),
            ),
        }
    }
}

/// When a rolling update steady since `steady_at` may complete with these alarms: one second
/// after the first minute boundary at or after `steady_at` plus [`rolling_bake_ms`], so that
/// minute's alarm check (at the boundary) comes first (see the module's note).
pub fn rolling_bake_end(steady_at: Millis, watch: &AlarmWatch, alarms: &[ServiceAlarm]) -> Millis {
    (steady_at + rolling_bake_ms(watch, alarms)).div_ceil(PERIOD_MS) * PERIOD_MS + 1000
}

/// A rolling update's bake time with these alarms: the longest evaluation window, in ms (see
/// the module's note).
pub fn rolling_bake_ms(watch: &AlarmWatch, alarms: &[ServiceAlarm]) -> Millis {
    watch
        .alarms
        .iter()
        .filter_map(|&k| alarms.get(k))
        .map(|a| Millis::from(a.alarm.evaluation_periods) * PERIOD_MS)
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(name: &str, service: &str, periods: u32) -> MetricAlarmSpec {
        MetricAlarmSpec {
            alarm_name: name.into(),
            service_name: service.into(),
            metric_name: "HTTPCode_Target_5XX_Count".into(),
            comparison_operator: "GreaterThanThreshold".into(),
            threshold: 10.0,
            evaluation_periods: periods,
            datapoints_to_alarm: None,
        }
    }

    #[test]
    fn alarms_resolve_to_their_service_and_names_link_to_them() {
        let (alarms, problems) = resolve_alarms(
            &[spec("web-5xx", "web", 1), spec("api-5xx", "api", 3)],
            &["api", "web"],
            &["api", "web"],
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(alarms[0].service, 1);
        assert_eq!(alarms[1].service, 0);
        let mut watch = AlarmWatch {
            names: vec!["api-5xx".into(), "web-5xx".into()],
            alarms: Vec::new(),
            rollback: true,
        };
        let mut p = Problems::default();
        link("services[0]", &mut watch, &alarms, &mut p);
        assert!(p.is_empty());
        assert_eq!(watch.alarms, vec![1, 0]);
        // The longest window: three one-minute periods, ended a second after the next
        // minute's check.
        assert_eq!(rolling_bake_ms(&watch, &alarms), 180_000);
        assert_eq!(rolling_bake_end(201_000, &watch, &alarms), 421_000);
        assert_eq!(rolling_bake_end(240_000, &watch, &alarms), 421_000);
    }

    #[test]
    fn an_unknown_service_a_duplicate_name_and_an_unknown_alarm_name_each_name_their_field() {
        let (alarms, problems) = resolve_alarms(
            &[spec("a", "web", 1), spec("a", "nope", 1)],
            &["web"],
            &["web"],
        );
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "cloudWatchAlarms[1].alarmName",
                "cloudWatchAlarms[1].serviceName"
            ]
        );
        let mut watch = AlarmWatch {
            names: vec!["b".into()],
            ..AlarmWatch::default()
        };
        let mut p = Problems::default();
        link("services[0]", &mut watch, &alarms, &mut p);
        let v = p.into_vec();
        assert_eq!(
            v[0].path,
            "services[0].deploymentConfiguration.alarms.alarmNames[0]"
        );
        assert!(v[0].message.contains("no alarm named b"));
    }

    #[test]
    fn a_bad_metric_and_window_are_refused_at_their_fields() {
        let mut a = spec("a", "web", 0);
        a.metric_name = "CapacityProviderReservation".into();
        let (_, problems) = resolve_alarms(&[a], &["web"], &["web"]);
        let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
        assert!(
            paths.contains(&"cloudWatchAlarms[0].metricName"),
            "{paths:?}"
        );
        assert!(
            paths.contains(&"cloudWatchAlarms[0].evaluationPeriods"),
            "{paths:?}"
        );
    }
}
