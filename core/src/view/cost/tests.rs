use super::*;

fn example(id: &str) -> &'static str {
    crate::scenario::examples::example(id)
        .map(|e| e.json)
        .unwrap_or_else(|| panic!("no example {id}"))
}

fn run(json: &str, to_ms: Millis) -> Sim {
    let mut sim = Sim::from_json(json).unwrap_or_else(|e| panic!("{e}"));
    sim.run_until(to_ms);
    sim
}

fn sum(rows: &[CostRow]) -> u64 {
    rows.iter().map(|r| r.total_nano_usd).sum()
}

#[test]
fn services_and_idle_capacity_add_up_to_the_total_on_ec2_and_fargate() {
    let sim = run(example("default"), 30 * 60_000);
    let p = cost_panel(&sim);
    assert!(p.total.total_nano_usd > 0);
    assert!(p.total.per_hour_nano_usd > 0);
    let idle = p.idle.as_ref().map_or(0, |r| r.total_nano_usd);
    assert!(idle > 0, "three m5.large instances are not fully reserved");
    // Every row is rounded down to a nano-dollar: allow one per row.
    let rows = (p.services.len() + 1) as u64;
    let added = sum(&p.services) + idle;
    assert!(
        added <= p.total.total_nano_usd && p.total.total_nano_usd - added <= rows,
        "services {} + idle {idle} vs total {}",
        sum(&p.services),
        p.total.total_nano_usd
    );
    let clusters = sum(&p.clusters);
    assert!(p.total.total_nano_usd - clusters <= p.clusters.len() as u64);
    // Providers are what instances and Fargate tasks cost (load balancers are no provider).
    let lb = p
        .parts
        .iter()
        .find(|r| r.name == LOAD_BALANCERS)
        .map_or(0, |r| r.total_nano_usd);
    assert_eq!(
        lb, 0,
        "the default example has no load balancer, and no such line"
    );
    let providers = sum(&p.providers);
    assert!(p.total.total_nano_usd - lb - providers <= p.providers.len() as u64 + 1);
    let names: Vec<&str> = p.providers.iter().map(|r| r.name.as_str()).collect();
    assert!(names.contains(&"asg-m5"), "{names:?}");
    assert!(names.iter().any(|n| n.starts_with("FARGATE")), "{names:?}");
    assert!(p.prices.contains("us-east-1") && p.prices.contains("pricing"));
    assert!(p.total.total.starts_with('$'));
    assert!(p.total.per_hour.ends_with("/h"));
}

#[test]
fn a_fargate_only_scenario_has_no_idle_capacity_row() {
    let sim = run(example("fargate-spot-strategy"), 20 * 60_000);
    let p = cost_panel(&sim);
    assert!(p.total.total_nano_usd > 0);
    assert_eq!(p.idle, None);
    assert!(p.idle_parts.is_empty());
    assert_eq!(p.parts[0].total_nano_usd, 0, "no EC2 instances");
}

#[test]
fn a_service_with_traffic_shows_its_cost_per_thousand_requests() {
    let sim = run(example("target-tracking-spike"), 20 * 60_000);
    let p = cost_panel(&sim);
    let with_traffic: Vec<&CostRow> = p.services.iter().filter(|r| r.note.is_some()).collect();
    assert!(!with_traffic.is_empty());
    let note = with_traffic[0].note.clone().unwrap_or_default();
    assert!(note.contains("per 1,000 requests"), "{note}");
}

#[test]
fn a_service_with_a_load_balancer_pays_its_hours_in_a_parts_line() {
    let sim = run(example("alb-health-rollback"), 10 * 60_000);
    let p = cost_panel(&sim);
    let lb = p.parts.iter().find(|r| r.name == LOAD_BALANCERS);
    // One started hour of one ALB.
    assert_eq!(
        lb.map(|r| r.total_nano_usd),
        Some(crate::catalog::prices::ALB_HOUR)
    );
}

#[test]
fn scenario_prices_are_named_as_such() {
    let mut doc: serde_json::Value =
        serde_json::from_str(example("default")).unwrap_or_else(|e| panic!("{e}"));
    doc["pricing"] = serde_json::json!({ "region": "eu-west-1" });
    let sim = run(&doc.to_string(), 10 * 60_000);
    let p = cost_panel(&sim);
    assert!(p.prices.contains("scenario's own"), "{}", p.prices);
    assert!(p.prices.contains("eu-west-1"), "{}", p.prices);
}

#[test]
fn a_cluster_scale_out_is_a_step_of_one_instance_price_on_the_chart() {
    let mut doc: serde_json::Value =
        serde_json::from_str(example("default")).unwrap_or_else(|e| panic!("{e}"));
    doc["timeline"] = serde_json::json!([
        { "at": 600, "action": "setDesiredCapacity", "autoScalingGroupName": "asg-m5", "desiredCapacity": 5 }
    ]);
    let sim = run(&doc.to_string(), 30 * 60_000);
    let chart = cost_chart(&sim, &ChartInputs::default());
    assert_eq!(chart.title, COST_CHART_TITLE);
    let s = &chart.series[0];
    assert!(s.points.len() >= 3, "{:?}", s.points);
    // Reconstruct the values from the series' own recording: before and after 10:00.
    let at = |t: Millis| {
        sim.metering
            .per_hour
            .points()
            .filter(|p| p.at <= t)
            .last()
            .map_or(0, |p| p.micro_usd_per_hour)
    };
    let before = at(9 * 60_000);
    let after = at(12 * 60_000);
    let m5 = crate::catalog::prices::ec2_on_demand("m5.large").unwrap_or(0) / 1_000;
    assert_eq!(after - before, 2 * m5, "two more m5.large instances");
    // The y axis is in dollars per hour.
    assert!(chart.ticks.y.iter().all(|t| t.label.starts_with('$')));
}

#[test]
fn the_chart_line_reaches_now_at_the_current_rate() {
    let sim = run(example("fargate-spot-strategy"), 7 * 60_000 + 30_000);
    let chart = cost_chart(&sim, &ChartInputs::default());
    let latest = chart.series[0].latest.unwrap_or(0.0);
    let rate = cost_panel(&sim).total.per_hour_nano_usd as f64 / 1e9;
    assert!((latest - rate).abs() < 1e-5, "{latest} vs {rate}");
}

#[test]
fn money_rows_and_request_counts_print_grouped() {
    assert_eq!(group_thousands(12_345_678), "12,345,678");
    assert_eq!(group_thousands(999), "999");
    assert_eq!(printable("eu\u{7}"), "eu\\u{7}");
}
