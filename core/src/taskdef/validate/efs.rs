//! Amazon EFS volumes' authorization (API EFSAuthorizationConfig,
//! https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EFSAuthorizationConfig.html):
//! - `accessPointId`: "If an access point is used, transit encryption must be on in the
//!   EFSVolumeConfiguration";
//! - `iam`: "If it is turned on, transit encryption must be turned on in the
//!   EFSVolumeConfiguration."
//!
//! The docs quote no ECS message; this one uses the API page's words. The same page says an
//! access point's root directory "must either be omitted or set to /", but the Developer
//! Guide's own EFS example (efs-volumes) pairs an access point with `/path/to/my/data`, so the
//! simulator leaves that unchecked. The storage is not simulated.

use super::{Problem, TaskDefinition};
use serde_json::Value;

/// The refusal of an access point or IAM authorization without transit encryption.
pub const NEEDS_TRANSIT_ENCRYPTION: &str = "Transit encryption must be ENABLED in the efsVolumeConfiguration when an EFS access point or IAM authorization is used.";

/// Reports each EFS volume whose `authorizationConfig` needs transit encryption it does not
/// have.
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let Some(Value::Array(volumes)) = &td.volumes else {
        return;
    };
    for (k, v) in volumes.iter().enumerate() {
        let Some(efs) = v.get("efsVolumeConfiguration") else {
            continue;
        };
        let at = format!("volumes[{k}].efsVolumeConfiguration");
        let auth = efs.get("authorizationConfig");
        let access_point = auth
            .and_then(|a| a.get("accessPointId"))
            .and_then(Value::as_str)
            .is_some_and(|id| !id.is_empty());
        let iam = auth.and_then(|a| a.get("iam")).and_then(Value::as_str) == Some("ENABLED");
        let encrypted = efs.get("transitEncryption").and_then(Value::as_str) == Some("ENABLED");
        if (access_point || iam) && !encrypted {
            out.push(Problem::new(
                format!("{at}.transitEncryption"),
                NEEDS_TRANSIT_ENCRYPTION,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NEEDS_TRANSIT_ENCRYPTION;
    use serde_json::{json, Value};

    fn problems(efs: Value) -> Vec<(String, String)> {
        let td = json!({
            "family": "efs-app", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
            "cpu": "256", "memory": "512",
            "containerDefinitions": [{ "name": "app", "image": "nginx",
                "mountPoints": [{ "sourceVolume": "data", "containerPath": "/mnt/efs" }] }],
            "volumes": [{ "name": "data", "efsVolumeConfiguration": efs }]
        });
        super::super::problems_of(&td)
    }

    #[test]
    fn an_access_point_or_iam_needs_transit_encryption_api_efs_authorization_config() {
        // fid/efs.json (the DG efs-volumes example): encrypted, it registers.
        let ok = json!({ "fileSystemId": "fs-1234", "rootDirectory": "/path/to/my/data",
            "transitEncryption": "ENABLED", "transitEncryptionPort": 2999,
            "authorizationConfig": { "accessPointId": "fsap-1234", "iam": "ENABLED" } });
        assert_eq!(problems(ok), vec![]);
        let at = "volumes[0].efsVolumeConfiguration.transitEncryption".to_string();
        for auth in [
            json!({ "accessPointId": "fsap-1234" }),
            json!({ "iam": "ENABLED" }),
        ] {
            let efs = json!({ "fileSystemId": "fs-1234", "authorizationConfig": auth });
            assert_eq!(
                problems(efs),
                vec![(at.clone(), NEEDS_TRANSIT_ENCRYPTION.to_string())]
            );
        }
        // IAM off and no access point: no encryption needed.
        let plain =
            json!({ "fileSystemId": "fs-1234", "authorizationConfig": { "iam": "DISABLED" } });
        assert_eq!(problems(plain), vec![]);
    }
}
