//! Managed scaling's step sizes in whole runs (API ManagedScaling): a scale-out is at least
//! `minimumScalingStepSize` and at most `maximumScalingStepSize` instances.

use crate::sim::{LoadError, Sim};

/// One m5.large (maxSize 20) and six tasks of 1 vCPU that need three more instances.
fn scenario(steps: &str) -> String {
    format!(
        r#"{{
  "version": 1, "seed": 1,
  "subnets": [{{"subnetId": "subnet-a", "availabilityZone": "us-east-1a"}}],
  "clusters": [{{"clusterName": "default", "capacityProviders": ["asg"]}}],
  "capacityProviders": [{{"name": "asg", "autoScalingGroupProvider": {{
    "autoScalingGroup": {{"instanceType": "m5.large", "minSize": 1, "maxSize": 20, "desiredCapacity": 1,
      "subnets": ["subnet-a"]}},
    "managedScaling": {{"status": "ENABLED", "targetCapacity": 100{steps}}}}}}}],
  "taskDefinitions": [{{"family": "web", "containerDefinitions": [{{"name": "app", "image": "example/web:1",
    "cpu": 1024, "memory": 3072, "essential": true}}]}}],
  "services": [{{"serviceName": "web", "taskDefinition": "web", "desiredCount": 6,
    "capacityProviderStrategy": [{{"capacityProvider": "asg", "weight": 1}}]}}]
}}"#
    )
}

#[test]
fn a_minimum_step_above_the_maximum_is_refused_at_load_not_a_crash_at_scale_out() {
    // Found by a fidelity walkthrough: 5 above 2 passed validation and aborted the run at the
    // first scale-out (`u32::clamp` with min > max).
    let text = scenario(r#", "minimumScalingStepSize": 5, "maximumScalingStepSize": 2"#);
    match Sim::from_json(&text) {
        Err(LoadError::Invalid(ps)) => {
            let at: Vec<&str> = ps.iter().map(|p| p.path.as_str()).collect();
            assert_eq!(
                at,
                vec!["capacityProviders[0].autoScalingGroupProvider.managedScaling.minimumScalingStepSize"]
            );
            assert!(ps[0].message.contains("above maximumScalingStepSize 2"));
        }
        other => panic!("expected a problem, got {:?}", other.map(|_| ())),
    }
    // Only a minimum above the default maximum (10,000) is out of range on its own.
    let ok = scenario(r#", "minimumScalingStepSize": 5"#);
    let mut sim = Sim::from_json(&ok).unwrap_or_else(|e| panic!("{e:?}"));
    sim.run_until(600_000);
    let instances = sim.instances.iter().filter(|i| i.is_alive()).count();
    assert!(
        instances >= 6,
        "scaled out by at least the minimum step: {instances}"
    );
}
