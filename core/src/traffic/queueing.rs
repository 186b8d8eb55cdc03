//! What a share of the request rate does to one task: CPU and memory used against the task's
//! reservation, response time, and how many requests fail. A single-server M/M/1 queue per
//! task (the simulator's choice: ECS and ELB document no load model), so only `+ - * /`.

/// What one request costs and when it gives up (from a `traffic` entry).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RequestCost {
    /// CPU time per request, ms of one vCPU (1024 CPU units).
    pub cpu_millis_per_request: f64,
    /// Memory each request in flight holds, MiB.
    pub memory_mib_per_concurrent_request: f64,
    /// CPU used with no requests, percent of the reservation (0 ≤ x < 100).
    pub base_cpu_percent: f64,
    /// Memory used with no requests, MiB.
    pub base_memory_mib: f64,
    /// Requests slower than this fail, ms.
    pub timeout_millis: f64,
}

/// One task's load over one traffic tick: what the playground colours a task by and what the
/// one-minute metrics average.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct TaskLoad {
    /// Requests per second sent to the task.
    pub offered_per_second: f64,
    /// Requests per second answered in time.
    pub ok_per_second: f64,
    /// Requests per second that failed: those that timed out, and those the application
    /// answered with an error (`errorPercent`).
    pub failed_per_second: f64,
    /// Of the failed, those above capacity or slower than the timeout: the load balancer gives
    /// up on them and answers 504 itself, which CloudWatch counts as `HTTPCode_ELB_5XX_Count`,
    /// not the target's (ALB User Guide, troubleshooting: "HTTP 504: Gateway timeout … the
    /// target did not respond before the idle timeout period elapsed"). They counted as the
    /// target's until the 28th session (fidelity probe).
    pub timed_out_per_second: f64,
    /// CPU used, percent of the task's CPU reservation (at most 100).
    pub cpu_percent: f64,
    /// Memory used, percent of the task's memory reservation.
    pub memory_percent: f64,
    /// Memory used, MiB.
    pub memory_mib: f64,
    /// Mean response time of the answered requests, ms.
    pub response_millis: f64,
}

/// `load` from a task whose image answers `error_percent` of its requests with a 5xx
/// (`images[…].errorPercent`): that share of the answered requests counts as failed; its CPU,
/// memory and response time stay as they were (the app did the work).
pub fn with_errors(load: TaskLoad, error_percent: u32) -> TaskLoad {
    if error_percent == 0 {
        return load;
    }
    // The share kept is computed, not the share lost: at 100 % it is exactly 0, where
    // `ok - ok * 100 / 100` left 4e-13 requests answered, which a deregistration then counted
    // as cut (HTTPCode_ELB_5XX_Count 4e-13, failing a goal of "at most 0").
    let kept = load.ok_per_second * f64::from(100 - error_percent.min(100)) / 100.0;
    TaskLoad {
        ok_per_second: kept,
        failed_per_second: load.failed_per_second + (load.ok_per_second - kept),
        ..load
    }
}

/// The load on a task that reserves `cpu_units` and `memory_mib` when `offered` requests per
/// second arrive.
///
/// - Service time S = cpuMillisPerRequest ÷ (vCPUs × the share not used by the base footprint);
///   capacity μ = 1000 ÷ S requests per second.
/// - M/M/1 mean response time R = S ÷ (1 − ρ) with ρ = answered ÷ μ. R ≤ timeout holds while
///   ρ ≤ 1 − S/timeout, so at most μ × (1 − S/timeout) requests per second are answered in
///   time; the rest (over capacity or too slow) fail.
/// - CPU% = base + (100 − base) × min(offered, μ) ÷ μ: failed requests above the timeout still
///   burned CPU, those above capacity did not.
/// - Memory = base + (requests in flight, Little's law: answered × R) × MiB per request.
pub fn task_load(offered: f64, cpu_units: u32, memory_mib: u32, cost: &RequestCost) -> TaskLoad {
    let vcpus = f64::from(cpu_units.max(1)) / 1024.0;
    let free = 1.0 - cost.base_cpu_percent / 100.0;
    let service_ms = cost.cpu_millis_per_request / (vcpus * free);
    let capacity = 1000.0 / service_ms;
    let in_time = if service_ms < cost.timeout_millis {
        capacity * (1.0 - service_ms / cost.timeout_millis)
    } else {
        0.0
    };
    let offered = offered.max(0.0);
    let ok = offered.min(in_time);
    let failed = offered - ok;
    let busy = offered.min(capacity) / capacity;
    let cpu_percent = cost.base_cpu_percent + (100.0 - cost.base_cpu_percent) * busy;
    let response_millis = if ok > 0.0 {
        (service_ms / (1.0 - ok / capacity)).min(cost.timeout_millis)
    } else {
        0.0
    };
    let in_flight = ok * response_millis / 1000.0;
    let memory = cost.base_memory_mib + in_flight * cost.memory_mib_per_concurrent_request;
    TaskLoad {
        offered_per_second: offered,
        ok_per_second: ok,
        failed_per_second: failed,
        timed_out_per_second: failed,
        cpu_percent,
        memory_percent: memory * 100.0 / f64::from(memory_mib.max(1)),
        memory_mib: memory,
        response_millis,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_erroring_image_fails_its_share_of_the_answered_requests_only() {
        let load = TaskLoad {
            offered_per_second: 60.0,
            ok_per_second: 50.0,
            failed_per_second: 10.0,
            timed_out_per_second: 10.0,
            cpu_percent: 80.0,
            ..TaskLoad::default()
        };
        let bad = with_errors(load, 20);
        assert_eq!(bad.ok_per_second, 40.0);
        assert_eq!(bad.failed_per_second, 20.0);
        // The application's errors are not timeouts.
        assert_eq!(bad.timed_out_per_second, load.timed_out_per_second);
        assert_eq!(bad.cpu_percent, 80.0);
        assert_eq!(with_errors(load, 0), load);
        // Exactly none answered at 100 %, for any rate (a residue counted as cut requests).
        for ok in [50.0, 33.3, 120.0 / 7.0] {
            let all = with_errors(
                TaskLoad {
                    ok_per_second: ok,
                    ..load
                },
                100,
            );
            assert_eq!(all.ok_per_second, 0.0);
        }
    }

    fn cost() -> RequestCost {
        RequestCost {
            cpu_millis_per_request: 10.0,
            memory_mib_per_concurrent_request: 2.0,
            base_cpu_percent: 0.0,
            base_memory_mib: 100.0,
            timeout_millis: 1000.0,
        }
    }

    #[test]
    fn half_load_on_one_vcpu_is_50_percent_cpu_and_twice_the_service_time() {
        // 10 ms per request on 1024 units: μ = 100/s. 50/s → ρ = 0.5, R = 10 / 0.5 = 20 ms,
        // in flight 50 × 0.02 = 1 request → 100 + 2 = 102 MiB of 512.
        let l = task_load(50.0, 1024, 512, &cost());
        assert_eq!(l.cpu_percent, 50.0);
        assert_eq!(l.response_millis, 20.0);
        assert_eq!(l.ok_per_second, 50.0);
        assert_eq!(l.failed_per_second, 0.0);
        assert_eq!(l.memory_percent, 102.0 * 100.0 / 512.0);
    }

    #[test]
    fn twice_the_cpu_units_halves_utilisation() {
        // 2048 units = 2 vCPUs: S = 5 ms, μ = 200/s; 50/s → 25%.
        let l = task_load(50.0, 2048, 1024, &cost());
        assert_eq!(l.cpu_percent, 25.0);
    }

    #[test]
    fn base_cpu_takes_its_share_of_capacity_first() {
        // Base 20%: 0.8 vCPU free, S = 12.5 ms, μ = 80/s; 40/s → 20 + 80 × 0.5 = 60%.
        let c = RequestCost {
            base_cpu_percent: 20.0,
            ..cost()
        };
        let l = task_load(40.0, 1024, 512, &c);
        assert_eq!(l.cpu_percent, 60.0);
        assert_eq!(l.response_millis, 25.0);
        let idle = task_load(0.0, 1024, 512, &c);
        assert_eq!(idle.cpu_percent, 20.0);
        assert_eq!(idle.memory_percent, 100.0 * 100.0 / 512.0);
    }

    #[test]
    fn overload_fails_what_is_above_capacity_times_one_minus_s_over_timeout() {
        // μ = 100/s, timeout 1000 ms: at most 100 × (1 − 10/1000) = 99/s answer in time.
        let l = task_load(150.0, 1024, 512, &cost());
        assert_eq!(l.ok_per_second, 99.0);
        assert_eq!(l.failed_per_second, 51.0);
        assert_eq!(l.cpu_percent, 100.0);
        assert!((l.response_millis - 1000.0).abs() < 1e-6);
    }

    #[test]
    fn a_request_slower_than_the_timeout_always_fails() {
        let c = RequestCost {
            cpu_millis_per_request: 2000.0,
            ..cost()
        };
        let l = task_load(0.25, 1024, 512, &c);
        assert_eq!(l.ok_per_second, 0.0);
        assert_eq!(l.failed_per_second, 0.25);
        assert_eq!(l.cpu_percent, 50.0);
    }
}
