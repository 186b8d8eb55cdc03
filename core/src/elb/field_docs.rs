//! What each key of a service's load balancers and the scenario's target groups does, for the
//! editor's completion and hover (see [`crate::form::field_doc`]).

use crate::form::field_doc::{Context, FieldDoc as F};

const LB: &str = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html";
const ADV: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AdvancedConfiguration.html";
const TG: &str = "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html";

/// A service's `loadBalancers` entry.
pub const LOAD_BALANCER: Context = Context {
    name: "loadBalancer",
    fields: &[
        F::new("targetGroupArn", "The target group (ARN, or the name of a scenario targetGroups entry) tasks register in.", LB),
        F::new("loadBalancerName", "A Classic Load Balancer's name instead of a target group. Accepted; the simulator balances through target groups.", LB),
        F::new("containerName", "The container that receives the traffic, as named in the task definition.", LB),
        F::new("containerPort", "Its port; must be a containerPort in that container's portMappings.", LB),
        F::new("advancedConfiguration", "Blue/green with ECS: the alternate target group and listener rules traffic moves between.", ADV).child("advancedConfiguration"),
    ],
};

/// `advancedConfiguration`.
pub const ADVANCED: Context = Context {
    name: "advancedConfiguration",
    fields: &[
        F::new("alternateTargetGroupArn", "The target group the green tasks register in during a blue/green, canary or linear deployment.", ADV),
        F::new("productionListenerRule", "The listener rule that carries production traffic. Kept, not simulated.", ADV),
        F::new("testListenerRule", "An optional listener rule for test traffic to green. Kept, not simulated.", ADV),
        F::new("roleArn", "The role ECS uses to move traffic between the groups. Kept, not simulated.", ADV),
    ],
};

/// A `targetGroups` entry (CreateTargetGroup).
pub const TARGET_GROUP: Context = Context {
    name: "targetGroup",
    fields: &[
        F::new("targetGroupName", "Name services refer to; 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen.", TG),
        F::new("protocol", "Protocol of the health checks and traffic. Default HTTP.", TG).values(&["HTTP", "HTTPS"]),
        F::new("port", "Default port of targets; ECS registers each task with its own port anyway.", TG),
        F::new("healthCheckPath", "Path the load balancer requests to check a target. Default /.", TG),
        F::new("healthCheckIntervalSeconds", "Seconds between health checks of a target, 5 to 300. Default 30.", TG),
        F::new("healthCheckTimeoutSeconds", "Seconds without a response that fail a check, 2 to 120, below the interval. Default 5 (an Application Load Balancer's target group).", TG),
        F::new("healthyThresholdCount", "Successful checks in a row before an unhealthy target is healthy, 2 to 10. Default 5.", TG),
        F::new("unhealthyThresholdCount", "Failed checks in a row before a target is unhealthy, 2 to 10. Default 2.", TG),
        F::new("deregistrationDelaySeconds", "Seconds a deregistering target keeps its connections before ECS stops the task; requests still in flight when it ends are cut (load balancer 5xx), so keep it above your longest request. 0 to 3,600. Default 300.", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html#deregistration-delay"),
        F::new("targetType", "instance: targets are an instance and a host port (bridge and host network modes); ip: targets are the task's own IP (awsvpc, so Fargate too). ECS refuses a service whose network mode does not fit. Left out, the playground takes the type the service needs (AWS's default is instance).", "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html").values(&["instance", "ip"]),
    ],
};

/// Every context of this folder.
pub const CONTEXTS: &[Context] = &[LOAD_BALANCER, ADVANCED, TARGET_GROUP];
