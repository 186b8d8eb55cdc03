//! Security groups of an awsvpc service's network configuration (API AwsVpcConfiguration
//! `securityGroups`: "There's a limit of 5 security groups"). Security groups are not
//! simulated, so only their shape is checked: the form and the scenario's JSON refuse the same
//! (the JSON had accepted names like `web-sg` the form refused).

/// ECS API `AwsVpcConfiguration`: at most 5 security groups.
pub const MAX_SECURITY_GROUPS: usize = 5;

/// Refuses a security group that is not an ID (`web-sg` where `sg-…` is meant): the form and
/// the scenario's JSON refuse the same (the JSON had accepted names the form refused).
pub fn check_group_id(group: &str) -> Result<(), String> {
    if group.starts_with("sg-") {
        return Ok(());
    }
    let shown: String = group.chars().take(40).collect();
    Err(format!(
        "'{shown}' is not a security group ID (they look like sg-0123456789abcdef0)"
    ))
}

/// Refuses more security groups than ECS allows per service.
pub fn check_group_count(n: usize) -> Result<(), String> {
    if n > MAX_SECURITY_GROUPS {
        return Err(format!(
            "{n} security groups: ECS allows at most {MAX_SECURITY_GROUPS} per service"
        ));
    }
    Ok(())
}
