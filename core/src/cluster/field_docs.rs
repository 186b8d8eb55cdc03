//! What each key of subnets, clusters and capacity providers does, for the editor's completion
//! and hover (see [`crate::form::field_doc`]); in this project's words, linking the AWS pages.

use crate::form::field_doc::{Context, FieldDoc as F};

const CC: &str = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html";
const CP: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html";
const ITEM: &str = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html";
const ASG: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AutoScalingGroupProvider.html";
const MS: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html";
const EXT: &str = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html";
const VPC: &str = "https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html";
const ASG_API: &str =
    "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html";

/// A `subnets` entry.
pub const SUBNET: Context = Context {
    name: "subnet",
    fields: &[
        F::new("subnetId", "The subnet ID (subnet-…) that Auto Scaling groups and awsvpc services refer to.", VPC),
        F::new("availabilityZone", "The subnet's Availability Zone, e.g. us-east-1a; spread placement and zone outages work by zone.", VPC),
    ],
};

/// A `clusters` entry (CreateCluster).
pub const CLUSTER: Context = Context {
    name: "cluster",
    fields: &[
        F::new("clusterName", "The cluster's name; a service that names no cluster runs in default. Up to 255 letters, digits, hyphens and underscores.", CC),
        F::new("capacityProviders", "Capacity providers the cluster may use: FARGATE, FARGATE_SPOT and the names of the scenario's capacityProviders.", CC),
        F::new("defaultCapacityProviderStrategy", "The strategy a service or run-task uses when it gives neither a launch type nor a strategy: base tasks on the item with a base, the rest split by weight.", CC).child("capacityProviderStrategyItem"),
        F::new("externalInstances", "ECS Anywhere servers registered to the cluster (EXTERNAL launch type), each with its CPU and memory.", EXT).child("externalInstance"),
        F::new("settings", "Cluster settings such as containerInsights. Accepted and kept as written; not simulated.", CC),
        F::new("tags", "Key-value tags on the cluster. Accepted and kept as written; not simulated.", CC),
    ],
};

/// An `externalInstances` entry.
pub const EXTERNAL_INSTANCE: Context = Context {
    name: "externalInstance",
    fields: &[
        F::new(
            "name",
            "A name for the server; it registers as a managed instance (mi-…).",
            EXT,
        ),
        F::new("cpu", "CPU units it registers, 1,024 per core.", EXT),
        F::new("memory", "Memory it registers, MiB.", EXT),
        F::new(
            "attributes",
            "Custom attributes placement constraints can match (ECS_INSTANCE_ATTRIBUTES).",
            EXT,
        ),
    ],
};

/// A capacity provider strategy item.
pub const STRATEGY_ITEM: Context = Context {
    name: "capacityProviderStrategyItem",
    fields: &[
        F::new("capacityProvider", "FARGATE, FARGATE_SPOT or the name of an EC2 capacity provider of the cluster.", ITEM),
        F::new("weight", "Share of the tasks after the base is met, relative to the other items, 0 to 1,000. Default 0; a zero weight gets tasks beyond its base only when no item has a weight (a strategy of one item).", ITEM),
        F::new("base", "The minimum number of tasks to run on this provider: placed first, before weights apply, and (here) the last to go when the service scales in. 0 to 100,000; default 0; only one item may have a base.", ITEM),
    ],
};

/// A `capacityProviders` entry (CreateCapacityProvider).
pub const CAPACITY_PROVIDER: Context = Context {
    name: "capacityProvider",
    fields: &[
        F::new("name", "The provider's name; not FARGATE or FARGATE_SPOT and not starting with aws, ecs or fargate. Up to 255 characters.", CP),
        F::new("autoScalingGroupProvider", "The EC2 Auto Scaling group behind the provider and how ECS manages it.", ASG).child("autoScalingGroupProvider"),
    ],
};

/// An `autoScalingGroupProvider`.
pub const ASG_PROVIDER: Context = Context {
    name: "autoScalingGroupProvider",
    fields: &[
        F::new("autoScalingGroup", "The Auto Scaling group itself, inlined here (in AWS a separate resource named by ARN).", ASG_API).child("autoScalingGroup"),
        F::new("managedScaling", "Lets ECS set the group's desired capacity from the CapacityProviderReservation metric. Off when omitted.", MS).child("managedScaling"),
        F::new("managedTerminationProtection", "ENABLED stops scale-in from terminating instances that run tasks; needs managed scaling. Default DISABLED.", ASG).values(&["ENABLED", "DISABLED"]),
        F::new("managedDraining", "ENABLED drains an instance's tasks before the group terminates it. Default ENABLED for new providers.", ASG).values(&["ENABLED", "DISABLED"]),
    ],
};

/// The inlined Auto Scaling group.
pub const AUTO_SCALING_GROUP: Context = Context {
    name: "autoScalingGroup",
    fields: &[
        F::new("instanceType", "EC2 instance type of the group's instances, from the simulator's catalogue (e.g. m5.large); sets the CPU, memory and ENIs each registers.", ASG_API),
        F::new("minSize", "The group never has fewer instances.", ASG_API),
        F::new("maxSize", "The group never has more instances.", ASG_API),
        F::new("desiredCapacity", "Instances the group runs at the start, between minSize and maxSize; managed scaling changes it later.", ASG_API),
        F::new("subnets", "Subnet IDs the instances launch in (VPCZoneIdentifier); launches are balanced across their zones.", ASG_API),
        F::new("bootSeconds", "Simulator key: seconds from launch until the instance's agent registers it with the cluster.", ""),
        F::new("attributes", "Custom attributes each instance registers (ECS_INSTANCE_ATTRIBUTES), for memberOf constraints.", ""),
        F::new("awsvpcTrunking", "Simulator key: ENI trunking on, so each instance takes more awsvpc tasks (the account setting awsvpcTrunking). Default false.", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html").values(&["true", "false"]),
    ],
};

/// Managed scaling settings.
pub const MANAGED_SCALING: Context = Context {
    name: "managedScaling",
    fields: &[
        F::new("status", "ENABLED lets ECS scale the group to keep the reservation at targetCapacity.", MS).values(&["ENABLED", "DISABLED"]),
        F::new("targetCapacity", "Percent of the group's capacity tasks should use, 1 to 100. Default 100 (no spare instances).", MS),
        F::new("minimumScalingStepSize", "Fewest instances one scale-out launches, 1 to 10,000. Default 1.", MS),
        F::new("maximumScalingStepSize", "Most instances one scale-out launches, 1 to 10,000. Default 10,000.", MS),
        F::new("instanceWarmupPeriod", "Seconds a new instance is left out of the metric, 0 to 10,000. Default 300.", MS),
    ],
};

/// Every context of this folder.
pub const CONTEXTS: &[Context] = &[
    SUBNET,
    CLUSTER,
    EXTERNAL_INSTANCE,
    STRATEGY_ITEM,
    CAPACITY_PROVIDER,
    ASG_PROVIDER,
    AUTO_SCALING_GROUP,
    MANAGED_SCALING,
];
