//! The `networkMode` values a task definition may name.

use serde::{Deserialize, Serialize};

/// How the containers of a task reach the network (API `TaskDefinition.networkMode`).
///
/// When omitted, ECS uses `bridge` for Linux tasks on EC2 (API: "If no network mode is
/// specified, the default is bridge"); Fargate requires `awsvpc` to be set explicitly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum NetworkMode {
    /// Each task gets its own elastic network interface and private IP address.
    Awsvpc,
    /// Docker's built-in virtual network on the instance; host ports may be dynamic.
    Bridge,
    /// Containers share the instance's network stack; a host port can be used once per instance.
    Host,
    /// No external connectivity; port mappings are not allowed.
    None,
}

impl NetworkMode {
    /// The value as written in task definition JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            NetworkMode::Awsvpc => "awsvpc",
            NetworkMode::Bridge => "bridge",
            NetworkMode::Host => "host",
            NetworkMode::None => "none",
        }
    }
}

/// Where a task definition may run (API `requiresCompatibilities` / `compatibilities`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Compatibility {
    /// Container instances in the cluster (Amazon EC2).
    #[serde(rename = "EC2")]
    Ec2,
    /// Serverless AWS Fargate capacity.
    #[serde(rename = "FARGATE")]
    Fargate,
    /// On-premises servers registered with ECS Anywhere.
    #[serde(rename = "EXTERNAL")]
    External,
    /// Amazon ECS Managed Instances.
    #[serde(rename = "MANAGED_INSTANCES")]
    ManagedInstances,
}

impl Compatibility {
    /// The value as written in task definition JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Compatibility::Ec2 => "EC2",
            Compatibility::Fargate => "FARGATE",
            Compatibility::External => "EXTERNAL",
            Compatibility::ManagedInstances => "MANAGED_INSTANCES",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn network_mode_values_are_lowercase_in_json() {
        let m: NetworkMode = serde_json::from_str("\"awsvpc\"").unwrap();
        assert_eq!(m, NetworkMode::Awsvpc);
        assert_eq!(
            serde_json::to_string(&NetworkMode::None).unwrap(),
            "\"none\""
        );
        assert!(serde_json::from_str::<NetworkMode>("\"AWSVPC\"").is_err());
    }

    #[test]
    fn compatibility_values_are_uppercase_in_json() {
        let c: Compatibility = serde_json::from_str("\"MANAGED_INSTANCES\"").unwrap();
        assert_eq!(c, Compatibility::ManagedInstances);
        assert_eq!(c.as_str(), "MANAGED_INSTANCES");
        assert!(serde_json::from_str::<Compatibility>("\"fargate\"").is_err());
    }
}
