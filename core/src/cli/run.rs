//! `ecs-sim run SCENARIO --until SECONDS [--json [--metrics]]`.

use super::read::{read_input, Input};
use super::{echo, problem_lines, scenario_error, Output};
use crate::sim::{LoadError, Sim};
use crate::time::clock;

/// Longest run the command line accepts (a week of virtual time).
pub const MAX_UNTIL_SECONDS: u64 = 7 * 24 * 3600;

/// Runs a scenario and prints the log and a summary.
pub fn run(args: &[String], input: &impl Input) -> Output {
    let mut file = None;
    let mut until = None;
    let mut json = false;
    let mut metrics = false;
    let mut advice = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--json" => json = true,
            "--metrics" => metrics = true,
            "--advice" => advice = true,
            "--no-advice" => advice = false,
            "--until" => match it.next().map(|v| v.parse::<u64>()) {
                Some(Ok(v)) if v <= MAX_UNTIL_SECONDS => until = Some(v),
                _ => {
                    return Output::usage(&format!(
                        "--until takes whole seconds from 0 to {MAX_UNTIL_SECONDS}"
                    ))
                }
            },
            f if file.is_none() && !f.starts_with("--") => file = Some(f.to_string()),
            other => return Output::usage(&format!("unexpected argument '{other}'")),
        }
    }
    let (Some(file), Some(until)) = (file, until) else {
        return Output::usage("run needs SCENARIO and --until SECONDS");
    };
    if metrics && !json {
        return Output::usage("--metrics adds to the --json document; give --json too");
    }
    let text = match read_input(&file, input) {
        Ok(t) => t,
        Err(out) => return out,
    };
    let mut sim = match Sim::from_json(&text) {
        Ok(sim) => sim,
        Err(LoadError::Invalid(problems)) => {
            return Output {
                stdout: problem_lines(&problems),
                stderr: String::new(),
                code: 1,
            }
        }
        Err(LoadError::Scenario(e)) => return scenario_error(&file, &e),
    };
    sim.run_until(until * 1000);
    let found = advice.then(|| super::run_advice::all(&sim));
    let stdout = if json {
        super::run_advice::with_json(json_report(&sim, until, metrics), found.as_deref())
    } else {
        text_report(&sim) + &super::run_advice::lines(found.as_deref())
    };
    Output {
        stdout,
        stderr: String::new(),
        code: 0,
    }
}

fn json_report(sim: &Sim, until: u64, metrics: bool) -> String {
    let snap = sim.snapshot();
    let tasks = crate::view::report::tasks::describe_tasks(sim);
    let mut doc = serde_json::json!({
        "untilSeconds": until,
        "nowMs": snap.now_ms,
        "traceHash": snap.trace_hash,
        "events": sim.log(),
        "eventsDropped": sim.log_dropped(),
        "services": crate::view::report::services::describe_services(sim),
        "instances": snap.instances,
        "tasks": tasks.tasks,
        "stoppedTasksOmitted": tasks.stopped_omitted,
        "runTasks": crate::view::report::run_tasks::run_tasks_json(sim),
        "zones": snap.zones,
        "loadBalancer": crate::view::report::load_balancers::load_balancer_report(sim),
        "deployments": crate::view::report::deployments::deployments_json(sim),
        "autoScaling": crate::view::report::auto_scaling::json_report(sim),
        "cost": crate::view::report::cost::cost_report(sim),
    });
    if metrics {
        doc["metrics"] = crate::view::report::metrics::metrics_json(sim);
    }
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

/// The text report; every name and event text in it goes through [`echo::line`], so a control
/// character in a scenario cannot reach the terminal raw.
fn text_report(sim: &Sim) -> String {
    let mut out = String::new();
    for e in sim.log() {
        out.push_str(&format!("[{}] {}\n", clock(e.at), echo::line(&e.text)));
    }
    let snap = sim.snapshot();
    out.push_str(&format!("\n== Summary at {}\n", clock(snap.now_ms)));
    for s in &snap.services {
        out.push_str(&format!(
            "service {} ({}, {}): desired {} running {} pending {}{}\n",
            echo::line(&s.name),
            s.scheduling_strategy,
            echo::line(&s.task_definition),
            s.desired_count,
            s.running_count,
            s.pending_count,
            if s.unplaced_count > 0 {
                format!(
                    " (not placed {}: the simulator's count; ECS reports only the event)",
                    s.unplaced_count
                )
            } else {
                String::new()
            }
        ));
        let fmt = |m: &std::collections::BTreeMap<String, u32>| {
            m.iter()
                .map(|(k, v)| format!("{}={v}", echo::line(k)))
                .collect::<Vec<_>>()
                .join(" ")
        };
        out.push_str(&format!(
            "  by capacity provider: {}\n",
            fmt(&s.by_capacity_provider)
        ));
        out.push_str(&format!("  by zone: {}\n", fmt(&s.by_zone)));
        if !s.by_instance.is_empty() {
            out.push_str(&format!("  by instance: {}\n", fmt(&s.by_instance)));
        }
    }
    for i in snap
        .instances
        .iter()
        .filter(|i| i.status != crate::cluster::InstanceStatus::Terminated)
    {
        let tasks: Vec<String> = i
            .tasks
            .iter()
            .map(|&t| sim.tasks[t].id.to_string())
            .collect();
        out.push_str(&format!(
            "instance {} {} {} {:?}: free cpu {}/{} memory {}/{} MiB ENIs {}/{}; tasks [{}]\n",
            i.ec2_instance_id,
            echo::line(&i.instance_type),
            echo::line(&i.zone),
            i.status,
            i.cpu - i.cpu_used,
            i.cpu,
            i.memory - i.memory_used,
            i.memory,
            i.eni_limit - i.enis_used,
            i.eni_limit,
            tasks.join(" ")
        ));
    }
    out.push_str(&crate::view::report::cost::cost_text(
        &crate::view::report::cost::cost_report(sim),
    ));
    out.push_str(&format!("trace hash: {}\n", snap.trace_hash));
    out
}
