//! The schema the JSON editor completes and documents from: the scenario's own keys (top level,
//! timeline) and every concept's tables (`<concept>/field_docs.rs`), gathered into one tree of
//! contexts. Each key's `child` names the context of its value, so the editor follows the path
//! of the caret from a root (`scenario`, or `taskDefinition` in a task definition tab).

use crate::form::field_doc::{Context, FieldDoc as F};
use serde_json::{json, Map, Value};

const GUIDE: &str = "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/Welcome.html";
const TD: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html";
const CLI: &str = "https://docs.aws.amazon.com/cli/latest/reference/ecs/";
const US: &str = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html";

/// The scenario's top-level keys.
pub const SCENARIO: Context = Context {
    name: "scenario",
    fields: &[
        F::new("version", "Scenario format version; must be 1. Required.", ""),
        F::new("seed", "The one number every random choice of a run derives from: the same scenario and seed replay the same run. Required.", ""),
        F::new("name", "A title shown in the playground. Optional.", ""),
        F::new("description", "Free text for whoever opens the scenario (a workshop step, say). Optional.", ""),
        F::new("subnets", "The Region's subnets, one or more per Availability Zone; instances and awsvpc tasks are placed in them.", "https://docs.aws.amazon.com/vpc/latest/userguide/configure-subnets.html").child("subnet"),
        F::new("clusters", "ECS clusters (create-cluster input): their capacity providers and default strategy. Required.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html").child("cluster"),
        F::new("capacityProviders", "Capacity providers backed by an EC2 Auto Scaling group (create-capacity-provider input); FARGATE and FARGATE_SPOT are built in.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html").child("capacityProvider"),
        F::new("taskDefinitions", "Task definitions as register-task-definition input; the same family again is its next revision.", TD).child("taskDefinition"),
        F::new("images", "Simulator key: how each container image behaves (pull time, start time, crashes, health), keyed by the image reference.", "").keyed("imageBehaviour"),
        F::new("services", "Services (create-service input) the schedulers keep running.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html").child("service"),
        F::new("tasks", "Standalone tasks started at time 0 (run-task input).", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html").child("runTask"),
        F::new("timeline", "Scripted events at given seconds: stopped tasks, terminated instances, zone outages, service updates, traffic spikes.", "").child("timelineEvent"),
        F::new("targetGroups", "Application Load Balancer target groups services register their tasks in (CreateTargetGroup input).", "https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html").child("targetGroup"),
        F::new("traffic", "Simulator key: requests each service receives over the run and what each costs its task.", "").child("traffic"),
        F::new("fargateSpot", "Simulator key: how often Fargate Spot tasks are interrupted at random.", "").child("fargateSpot"),
        F::new("scalableTargets", "Service Auto Scaling targets (register-scalable-target input): a service's desired count with its bounds.", "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html").child("scalableTarget"),
        F::new("scalingPolicies", "Target tracking and step scaling policies (put-scaling-policy input).", "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScalingPolicy.html").child("scalingPolicy"),
        F::new("scheduledActions", "Scheduled changes of a target's min and max (put-scheduled-action input).", "https://docs.aws.amazon.com/autoscaling/application/APIReference/API_PutScheduledAction.html").child("scheduledAction"),
        F::new("cloudWatchAlarms", "CloudWatch metric alarms on service metrics (put-metric-alarm input, one-minute period) that a service's deploymentConfiguration.alarms names.", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-alarm-failure.html").child("metricAlarm"),
        F::new("startSteady", "Simulator key: services start RUNNING and healthy at time 0, like an existing production service, instead of from a cold start. Default false.", "").values(&["true", "false"]),
        F::new("pricing", "Simulator key: prices to meter the run with instead of the built-in us-east-1 ones.", "").child("pricing"),
    ],
};

/// A `timeline` entry: the keys of every action together (each action takes its own).
pub const TIMELINE_EVENT: Context = Context {
    name: "timelineEvent",
    fields: &[
        F::new("at", "Seconds from the start of the run when the event happens.", ""),
        F::new("action", "What happens; each action takes its own keys beside at and action.", "").values(&["stopTask", "terminateInstance", "drainInstance", "azOutage", "spotInterruption", "azRecovery", "updateService", "runTask", "registerContainerInstance", "setDesiredCapacity", "trafficSpike", "hangTask"]),
        F::new("service", "stopTask, hangTask, spotInterruption, updateService, trafficSpike: the service acted on.", ""),
        F::new("index", "stopTask, hangTask, spotInterruption: which of the service's (running Spot) tasks, 0-based, oldest first. Default 0.", ""),
        F::new("instance", "terminateInstance, drainInstance: the n-th instance in launch order, 0-based, across the scenario.", ""),
        F::new("availabilityZone", "azOutage, azRecovery, registerContainerInstance: the zone, e.g. us-east-1a.", ""),
        F::new("desiredCount", "updateService: the new desired count.", US),
        F::new("taskDefinition", "updateService, runTask: family or family:revision.", US),
        F::new("forceNewDeployment", "updateService: start a new deployment even with the same task definition. Default false.", US).values(&["true", "false"]),
        F::new("cluster", "runTask, registerContainerInstance: the cluster. Default default.", CLI),
        F::new("count", "runTask: how many tasks, 1 to 10. Default 1.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html"),
        F::new("launchType", "runTask: EC2, FARGATE or EXTERNAL when no capacity provider strategy is given.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html").values(&["EC2", "FARGATE", "EXTERNAL"]),
        F::new("capacityProviderStrategy", "runTask: providers the tasks are spread over.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html").child("capacityProviderStrategyItem"),
        F::new("group", "runTask: the task group. Default family:<family>.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html"),
        F::new("placementStrategy", "runTask: how EC2 tasks are spread over instances.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html").child("placementStrategy"),
        F::new("placementConstraints", "runTask: rules an instance must meet.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html").child("placementConstraint"),
        F::new("networkConfiguration", "runTask: subnets and security groups of awsvpc tasks.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_NetworkConfiguration.html").child("networkConfiguration"),
        F::new("startedBy", "runTask: a tag recorded on the tasks (up to 128 letters, numbers, -, / and _).", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html"),
        F::new("instanceType", "registerContainerInstance: an EC2 instance type from the catalogue, e.g. m5.large.", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterContainerInstance.html"),
        F::new("attributes", "registerContainerInstance: custom attributes (ECS_INSTANCE_ATTRIBUTES).", "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterContainerInstance.html"),
        F::new("autoScalingGroupName", "setDesiredCapacity: the group, named by its capacity provider's name.", "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_SetDesiredCapacity.html"),
        F::new("desiredCapacity", "setDesiredCapacity: the group's new size, within its minSize and maxSize.", "https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_SetDesiredCapacity.html"),
        F::new("multiplier", "trafficSpike: percent of the profile's rate, 1 to 10,000 (300 is three times).", ""),
        F::new("durationSeconds", "trafficSpike: how long the spike lasts, 1 to 86,400 seconds.", ""),
    ],
};

/// Every context: the scenario's, then each concept's.
pub fn contexts() -> Vec<Context> {
    let mut all = vec![SCENARIO, TIMELINE_EVENT];
    for part in [
        crate::taskdef::field_docs::CONTEXTS,
        crate::cluster::field_docs::CONTEXTS,
        crate::service::field_docs::CONTEXTS,
        crate::deployment::field_docs::CONTEXTS,
        crate::placement::field_docs::CONTEXTS,
        crate::elb::field_docs::CONTEXTS,
        crate::discovery::field_docs::CONTEXTS,
        crate::traffic::field_docs::CONTEXTS,
        crate::autoscaling::field_docs::CONTEXTS,
        crate::cost::field_docs::CONTEXTS,
    ] {
        all.extend_from_slice(part);
    }
    all
}

/// The schema as JSON for the editor: `{"contexts": {name: {"keys": {key: {doc, values,
/// fargate, url, child, keyed}}}}}`, keys in each table's order (the API's, mostly).
pub fn schema_json() -> String {
    let mut out = Map::new();
    for c in contexts() {
        let mut keys = Map::new();
        for f in c.fields {
            let mut field = Map::new();
            field.insert("doc".into(), json!(f.doc));
            if !f.values.is_empty() {
                field.insert("values".into(), json!(f.values));
            }
            if let Some(allowed) = f.fargate {
                field.insert("fargate".into(), json!(allowed));
            }
            if !f.url.is_empty() {
                field.insert("url".into(), json!(f.url));
            }
            if let Some(child) = f.child {
                field.insert("child".into(), json!(child));
            }
            if f.keyed {
                field.insert("keyed".into(), json!(true));
            }
            keys.insert(f.key.into(), Value::Object(field));
        }
        out.insert(c.name.into(), json!({ "keys": keys }));
    }
    json!({ "contexts": out, "guide": GUIDE }).to_string()
}

#[cfg(test)]
mod tests;
