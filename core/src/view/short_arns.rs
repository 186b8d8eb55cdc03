//! Load balancer ARNs in a log line, shortened for presenter mode. ECS's target health events
//! name the group by its whole ARN (`(target-group arn:aws:elasticloadbalancing:us-east-1:
//! 123456789012:targetgroup/web-blue/f64cb12cbaf96498)`), five lines of the projector's narrow
//! column per event (student walkthrough); the room needs the group's name. The log pane keeps
//! ECS's text whole.

/// `text` with every Elastic Load Balancing target group or load balancer ARN replaced by the
/// resource's name (`web-blue`); any other text, other ARNs included, is unchanged.
pub fn short_arns(text: &str) -> String {
    const ARN: &str = "arn:aws:elasticloadbalancing:";
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(ARN) {
        out.push_str(&rest[..at]);
        let arn_len = rest[at..]
            .find(|c: char| c.is_whitespace() || matches!(c, ')' | ',' | ';'))
            .unwrap_or(rest.len() - at);
        let arn = &rest[at..at + arn_len];
        out.push_str(name_of(arn).unwrap_or(arn));
        rest = &rest[at + arn_len..];
    }
    out.push_str(rest);
    out
}

/// The name in an ELB ARN's resource: `targetgroup/NAME/ID` or `loadbalancer/app/NAME/ID`.
fn name_of(arn: &str) -> Option<&str> {
    let resource = arn.splitn(6, ':').nth(5)?;
    let parts: Vec<&str> = resource.split('/').collect();
    match parts.as_slice() {
        ["targetgroup", name, _id] => Some(*name),
        ["loadbalancer", _kind, name, _id] => Some(*name),
        _ => None,
    }
    .filter(|n| !n.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_group_arn_becomes_its_name_and_the_rest_stays() {
        let line = "(service web) registered 1 targets in (target-group arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web-blue/f64cb12cbaf96498)";
        assert_eq!(
            short_arns(line),
            "(service web) registered 1 targets in (target-group web-blue)"
        );
        let lb = "arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/shop-alb/50dc6c495c0c9188 and arn:aws:ecs:us-east-1:1:service/default/web";
        assert_eq!(
            short_arns(lb),
            "shop-alb and arn:aws:ecs:us-east-1:1:service/default/web"
        );
        // A listener rule ARN, or a cut one, is left whole.
        let odd = "arn:aws:elasticloadbalancing:us-east-1:1:listener-rule/app/a/b/c/d x arn:aws:elasticloadbalancing:";
        assert_eq!(short_arns(odd), odd);
    }
}
