//! awsvpc on EC2 (DG container-instance-eni): each task takes one ENI (or a branch ENI with
//! trunking); the primary ENI counts against the instance's limit; the task's subnets must
//! include one in the instance's Availability Zone.

use crate::cluster::Instance;
use crate::placement::Rejection;
use crate::taskdef::NetworkMode;
use crate::taskdef::TaskNeeds;

/// Rejects the instance if an awsvpc task cannot get an ENI there.
pub fn check(
    instance: &Instance,
    needs: &TaskNeeds,
    allowed_zones: &[String],
) -> Result<(), Rejection> {
    if needs.network_mode != NetworkMode::Awsvpc {
        return Ok(());
    }
    if !allowed_zones.is_empty() && !allowed_zones.contains(&instance.zone) {
        return Err(Rejection::NoSubnetInZone {
            zone: instance.zone.clone(),
        });
    }
    if instance.enis_used >= instance.eni_limit {
        return Err(Rejection::InsufficientEnis {
            used: instance.enis_used,
            limit: instance.eni_limit,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::placement::Rejection;

    /// DG service-event-messages, "Container instance missing required attribute": "A common
    /// cause of this error is if your service is using tasks that use the awsvpc network mode
    /// and the EC2 launch type and the cluster you specified does not have a container instance
    /// registered to it in the same subnet" — not an ENI shortage (it read RESOURCE:ENI, sending
    /// students to add ENIs or trunking; placement walkthrough 2026-12-06).
    #[test]
    fn subnets_missing_the_instances_zone_is_a_missing_attribute_not_an_eni_shortage() {
        let r = Rejection::NoSubnetInZone {
            zone: "us-east-1c".into(),
        };
        assert_eq!(r.failure_reason(), "ATTRIBUTE");
        assert_eq!(
            r.ecs_phrase(),
            "is missing an attribute required by your task"
        );
        assert_eq!(r.to_string(), "none of the task's subnets is in us-east-1c");
        let eni = Rejection::InsufficientEnis { used: 3, limit: 3 };
        assert_eq!(eni.failure_reason(), "RESOURCE:ENI");
    }
}
