//! `predefinedMetricSpecification.resourceLabel`: which target group an
//! `ALBRequestCountPerTarget` policy counts requests of (Application Auto Scaling API
//! PredefinedMetricSpecification,
//! https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PredefinedMetricSpecification.html):
//! "You can't specify a resource label unless the metric type is ALBRequestCountPerTarget and
//! there is a target group attached to the Spot Fleet or ECS service", in the format
//! `app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>`.
//! PutScalingPolicy refuses ALBRequestCountPerTarget without it (engineers' reports, e.g.
//! hashicorp/terraform-provider-aws#9734; the page lists it as optional because other metrics
//! take none).
//!
//! The scenario has target groups but no load balancers, so only the `targetgroup/<name>/` part
//! is compared with the service's target group; the load balancer part and the IDs are kept as
//! written. The messages are the simulator's.

use crate::problem::Problem;

/// The metric that needs a resource label.
pub const ALB_REQUEST_COUNT: &str = "ALBRequestCountPerTarget";

/// The label's shape, for messages.
pub const FORMAT: &str =
    "app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>";

/// The path of the label below a TargetTrackingScalingPolicyConfiguration.
const AT: &str = "predefinedMetricSpecification.resourceLabel";

/// The target group name a well-formed label names, else None.
pub fn target_group_of(label: &str) -> Option<&str> {
    let parts: Vec<&str> = label.split('/').collect();
    match parts.as_slice() {
        ["app", lb, lb_id, "targetgroup", tg, tg_id]
            if [lb, lb_id, tg, tg_id].iter().all(|p| !p.is_empty()) =>
        {
            Some(tg)
        }
        _ => None,
    }
}

/// The label for the service's target group `group` (whose ID the playground derives from its
/// name, `elb::resolve::target_group_arn`), under a load balancer named after it: what the
/// target tracking form writes, since the scenario declares no load balancers.
pub fn label_for(group: &str) -> String {
    let arn = crate::elb::resolve::target_group_arn("us-east-1", group);
    let id = arn.rsplit('/').next().unwrap_or_default();
    format!("app/{group}-alb/{id}/targetgroup/{group}/{id}")
}

/// The problems of a target tracking policy's resource label (`label`) on metric `metric`, for
/// a service whose tasks register in target group `group` (None: no load balancer), whose
/// blue/green alternate group `alternate` may be named too (the API asks for a target group
/// "attached to the ECS service"; a review found the alternate refused). Paths are relative to
/// the TargetTrackingScalingPolicyConfiguration.
pub fn check(
    metric: &str,
    label: Option<&str>,
    group: Option<&str>,
    alternate: Option<&str>,
) -> Vec<Problem> {
    let problem = |m: String| vec![Problem::new(AT, m)];
    if metric != ALB_REQUEST_COUNT {
        return match label {
            Some(_) => problem(format!(
                "You can't specify a resource label unless the metric type is {ALB_REQUEST_COUNT}."
            )),
            None => Vec::new(),
        };
    }
    let Some(group) = group else {
        return vec![Problem::new(
            "predefinedMetricSpecification.predefinedMetricType",
            format!(
                "{ALB_REQUEST_COUNT} needs a target group attached to the service (loadBalancers)."
            ),
        )];
    };
    let Some(label) = label else {
        return problem(format!(
            "resourceLabel is required with {ALB_REQUEST_COUNT}: {FORMAT}, naming the service's target group '{group}'."
        ));
    };
    match target_group_of(label) {
        None => problem(format!("resourceLabel must be {FORMAT}.")),
        Some(named) if named != group && Some(named) != alternate => problem(format!(
            "resourceLabel names target group '{named}', but the service's tasks register in '{group}'{}.",
            alternate.map(|a| format!(" (or its alternate '{a}')")).unwrap_or_default()
        )),
        Some(_) => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LABEL: &str = "app/web-alb/0123456789abcdef/targetgroup/web-tg/0123456789abcdef";

    #[test]
    fn a_label_may_name_the_blue_green_alternate_group() {
        let green = "app/web-alb/0123456789abcdef/targetgroup/web-green/0123456789abcdef";
        assert!(check(
            ALB_REQUEST_COUNT,
            Some(green),
            Some("web-tg"),
            Some("web-green")
        )
        .is_empty());
        let other = "app/web-alb/0123456789abcdef/targetgroup/api-tg/0123456789abcdef";
        let refused = check(
            ALB_REQUEST_COUNT,
            Some(other),
            Some("web-tg"),
            Some("web-green"),
        );
        assert!(
            refused[0]
                .message
                .contains("(or its alternate 'web-green')"),
            "{refused:?}"
        );
    }

    #[test]
    fn alb_request_count_needs_a_label_naming_the_services_target_group() {
        assert!(check(ALB_REQUEST_COUNT, Some(LABEL), Some("web-tg"), None).is_empty());
        let missing = check(ALB_REQUEST_COUNT, None, Some("web-tg"), None);
        assert_eq!(missing[0].path, AT);
        assert!(missing[0].message.contains("required"));
        let other = check(ALB_REQUEST_COUNT, Some(LABEL), Some("api-tg"), None);
        assert!(other[0].message.contains("'web-tg'") && other[0].message.contains("'api-tg'"));
        let malformed = check(
            ALB_REQUEST_COUNT,
            Some("targetgroup/web-tg/1"),
            Some("web-tg"),
            None,
        );
        assert!(malformed[0]
            .message
            .starts_with("resourceLabel must be app/"));
        let no_group = check(ALB_REQUEST_COUNT, Some(LABEL), None, None);
        assert_eq!(
            no_group[0].path,
            "predefinedMetricSpecification.predefinedMetricType"
        );
    }

    #[test]
    fn other_metrics_take_no_label() {
        assert!(check(
            "ECSServiceAverageCPUUtilization",
            None,
            Some("web-tg"),
            None
        )
        .is_empty());
        let v = check(
            "ECSServiceAverageCPUUtilization",
            Some(LABEL),
            Some("web-tg"),
            None,
        );
        assert!(v[0]
            .message
            .starts_with("You can't specify a resource label"));
    }

    #[test]
    fn the_forms_label_is_well_formed_and_names_the_group() {
        let l = label_for("web-tg");
        assert_eq!(target_group_of(&l), Some("web-tg"));
        assert!(check(ALB_REQUEST_COUNT, Some(&l), Some("web-tg"), None).is_empty());
    }
}
