//! Why an instance was not chosen: one typed reason per filter, with what was requested,
//! what is used and what is available, so the playground can answer "why is this PENDING?".

use crate::taskdef::Protocol;
use serde::Serialize;
use std::fmt;

/// The pipeline stage that rejected an instance, in ECS's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Stage {
    /// The instance cannot take tasks at all (launching, draining, wrong provider).
    Availability,
    /// CPU, memory, GPU.
    Resources,
    /// Host ports.
    Ports,
    /// awsvpc ENIs and subnets.
    Eni,
    /// Placement constraints.
    Constraints,
}

/// A structured reason an instance was filtered out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(
    tag = "reason",
    rename_all = "camelCase",
    rename_all_fields = "camelCase"
)]
pub enum Rejection {
    /// The instance is not ACTIVE (still launching, DRAINING, terminated).
    NotActive {
        /// Its status.
        status: String,
    },
    /// The task must run on another capacity provider or launch type.
    OtherCapacity {
        /// Where the task must go.
        wanted: String,
    },
    /// Not enough CPU units.
    InsufficientCpu {
        /// Units the task reserves.
        requested: u32,
        /// Units already reserved.
        used: u32,
        /// Units registered.
        registered: u32,
    },
    /// Not enough memory.
    InsufficientMemory {
        /// MiB the task reserves.
        requested: u32,
        /// MiB already reserved.
        used: u32,
        /// MiB registered.
        registered: u32,
    },
    /// Not enough GPUs.
    InsufficientGpu {
        /// GPUs the task needs.
        requested: u32,
        /// GPUs in use.
        used: u32,
        /// GPUs registered.
        registered: u32,
    },
    /// A static host port is already taken.
    PortInUse {
        /// The port.
        port: u16,
        /// Its protocol.
        protocol: Protocol,
        /// The task holding it (full task ID), or "reserved" for the agent's reserved ports.
        holder: String,
    },
    /// No free port left in the dynamic range.
    NoDynamicPort {
        /// Ports the task needs.
        requested: u32,
        /// Free ports in the dynamic range.
        free: u32,
    },
    /// Every ENI (or branch ENI) for awsvpc tasks is in use.
    InsufficientEnis {
        /// awsvpc tasks on the instance.
        used: u32,
        /// The limit for its type (trunking on or off).
        limit: u32,
    },
    /// None of the task's subnets is in the instance's zone.
    NoSubnetInZone {
        /// The instance's zone.
        zone: String,
    },
    /// distinctInstance: a task of the same group already runs here.
    DistinctInstance {
        /// The group.
        group: String,
    },
    /// The instance does not match a memberOf expression.
    MemberOf {
        /// The expression.
        expression: String,
    },
    /// The instance does not report an attribute the task requires (its `runtimePlatform`).
    MissingAttribute {
        /// The attribute, e.g. `ecs.cpu-architecture`.
        name: String,
        /// The value the task needs, e.g. `arm64`.
        requested: String,
        /// The value the instance reports (none: it does not report the attribute).
        reported: Option<String>,
    },
}

impl Rejection {
    /// The stage of the pipeline this reason belongs to.
    pub fn stage(&self) -> Stage {
        match self {
            Self::NotActive { .. } | Self::OtherCapacity { .. } => Stage::Availability,
            Self::InsufficientCpu { .. }
            | Self::InsufficientMemory { .. }
            | Self::InsufficientGpu { .. } => Stage::Resources,
            Self::PortInUse { .. } | Self::NoDynamicPort { .. } => Stage::Ports,
            Self::InsufficientEnis { .. } | Self::NoSubnetInZone { .. } => Stage::Eni,
            Self::DistinctInstance { .. }
            | Self::MemberOf { .. }
            | Self::MissingAttribute { .. } => Stage::Constraints,
        }
    }

    /// The end of ECS's "The closest matching (container-instance …) …" sentence.
    ///
    /// Memory, CPU and port texts are ECS's (DG service-event-messages). The ENI text follows
    /// the RESOURCE:ENI failure reason (DG api_failures_messages); the GPU and constraint texts
    /// are the playground's own, as ECS's wording for them is not documented.
    pub fn ecs_phrase(&self) -> String {
        match self {
            Self::NotActive { status } => format!("is {status}"),
            Self::OtherCapacity { wanted } => format!("is not part of {wanted}"),
            Self::InsufficientCpu { .. } => "has insufficient CPU units available".into(),
            Self::InsufficientMemory { .. } => "has insufficient memory available".into(),
            Self::InsufficientGpu { .. } => "has insufficient GPU available".into(),
            Self::PortInUse { .. } | Self::NoDynamicPort { .. } => {
                "is already using a port required by your task".into()
            }
            Self::InsufficientEnis { .. } => "encountered error \"RESOURCE:ENI\"".into(),
            Self::DistinctInstance { .. } => {
                "already runs a task of this group (distinctInstance)".into()
            }
            Self::MemberOf { expression } => {
                format!("does not match the placement constraint memberOf({expression})")
            }
            // DG service-event-messages, "Container instance missing required attribute", whose
            // common cause it names: an awsvpc task whose subnets miss the instance's.
            Self::MissingAttribute { .. } | Self::NoSubnetInZone { .. } => {
                "is missing an attribute required by your task".into()
            }
        }
    }
}

impl Rejection {
    /// The RunTask `failures[].reason` for this rejection (DG api_failures_messages:
    /// `RESOURCE:CPU`, `RESOURCE:MEMORY`, `RESOURCE:PORTS_TCP`, `RESOURCE:PORTS_UDP`,
    /// `RESOURCE:ENI`, `RESOURCE:GPU`; `ATTRIBUTE` for unmet attributes; `AGENT` when the
    /// instance cannot take tasks; the constraint texts are the playground's own).
    pub fn failure_reason(&self) -> String {
        match self {
            Self::NotActive { .. } | Self::OtherCapacity { .. } => "AGENT".into(),
            Self::InsufficientCpu { .. } => "RESOURCE:CPU".into(),
            Self::InsufficientMemory { .. } => "RESOURCE:MEMORY".into(),
            Self::InsufficientGpu { .. } => "RESOURCE:GPU".into(),
            Self::PortInUse {
                protocol: Protocol::Udp,
                ..
            } => "RESOURCE:PORTS_UDP".into(),
            Self::PortInUse { .. } | Self::NoDynamicPort { .. } => "RESOURCE:PORTS_TCP".into(),
            Self::InsufficientEnis { .. } => "RESOURCE:ENI".into(),
            Self::DistinctInstance { .. } => {
                "distinctInstance placement constraint unsatisfied".into()
            }
            Self::MemberOf { .. } => "MemberOf placement constraint unsatisfied".into(),
            Self::MissingAttribute { .. } | Self::NoSubnetInZone { .. } => "ATTRIBUTE".into(),
        }
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotActive { status } => write!(f, "instance is {status}"),
            Self::OtherCapacity { wanted } => write!(f, "task must run on {wanted}"),
            Self::InsufficientCpu {
                requested,
                used,
                registered,
            } => write!(
                f,
                "CPU: needs {requested} units, {used} of {registered} in use ({} free)",
                registered.saturating_sub(*used)
            ),
            Self::InsufficientMemory {
                requested,
                used,
                registered,
            } => write!(
                f,
                "memory: needs {requested} MiB, {used} of {registered} MiB in use ({} free)",
                registered.saturating_sub(*used)
            ),
            Self::InsufficientGpu {
                requested,
                used,
                registered,
            } => write!(f, "GPU: needs {requested}, {used} of {registered} in use"),
            Self::PortInUse {
                port,
                protocol,
                holder,
            } => write!(f, "port {port}/{} is in use by {holder}", protocol.as_str()),
            Self::NoDynamicPort { requested, free } => {
                write!(f, "needs {requested} dynamic ports, {free} free")
            }
            Self::InsufficientEnis { used, limit } => {
                write!(f, "ENIs: {used} of {limit} awsvpc tasks in use")
            }
            Self::NoSubnetInZone { zone } => write!(f, "none of the task's subnets is in {zone}"),
            Self::DistinctInstance { group } => {
                write!(f, "distinctInstance: a task of {group} already runs here")
            }
            Self::MemberOf { expression } => write!(f, "does not match memberOf({expression})"),
            Self::MissingAttribute {
                name,
                requested,
                reported,
            } => {
                write!(
                    f,
                    "attribute {name}: the task needs {requested} (its runtimePlatform), the instance reports {}",
                    reported.as_deref().unwrap_or("none")
                )?;
                // The way forward, for a student who met the rule here first.
                let hint = match (name.as_str(), requested.as_str()) {
                    ("ecs.cpu-architecture", "arm64") => {
                        "; Graviton types such as m6g, c6g and r6g report arm64"
                    }
                    ("ecs.cpu-architecture", _) => {
                        "; Intel and AMD types such as m5 and c5 report x86_64"
                    }
                    ("ecs.os-type", "windows") => {
                        "; the playground's instances all run the Linux ECS-optimized AMI"
                    }
                    _ => "",
                };
                f.write_str(hint)
            }
        }
    }
}
