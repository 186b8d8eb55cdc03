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
