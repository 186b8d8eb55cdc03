//! The scenario document, version 1: everything a playground run needs, in one JSON file.
//!
//! Task definitions are real `register-task-definition` JSON and services follow the
//! `create-service` input shape, so what people write here carries over to AWS. Fields that
//! ECS does not have (images with behaviour, the timeline, subnets with their zones) are the
//! simulator's own and are documented in `docs/scenario-format.md`.

use crate::cluster::spec::{CapacityProviderSpec, ClusterSpec, SubnetSpec};
use crate::service::spec::{RunTaskSpec, ServiceSpec};
use crate::taskdef::ImageBehaviour;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The only scenario format version this build reads; links carry it so old links keep working.
pub const SCENARIO_VERSION: u32 = 1;

/// A whole scenario: clusters, capacity, task definitions, services, and scripted events.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ScenarioDocument {
    /// Format version; must be [`SCENARIO_VERSION`].
    pub version: u32,
    /// The one seed every random choice of a run derives from.
    pub seed: u64,
    /// A title shown in the playground.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Free text for the reader of a shared scenario (a workshop step, say).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The Region's Availability Zones as subnets; instances and awsvpc tasks live in subnets.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subnets: Vec<SubnetSpec>,
    /// ECS clusters (`create-cluster`): their capacity providers and default strategy.
    pub clusters: Vec<ClusterSpec>,
    /// Capacity providers backed by EC2 Auto Scaling groups (`create-capacity-provider`).
    /// `FARGATE` and `FARGATE_SPOT` are built in and need no entry here.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub capacity_providers: Vec<CapacityProviderSpec>,
    /// Task definitions as `register-task-definition` input (or `describe-task-definition`
    /// output); registering the same family again makes the next revision.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub task_definitions: Vec<serde_json::Value>,
    /// How each container image behaves when it runs, keyed by the image reference.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub images: BTreeMap<String, ImageBehaviour>,
    /// Services (`create-service` input).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub services: Vec<ServiceSpec>,
    /// Standalone tasks started at time 0 (`run-task` input).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<RunTaskSpec>,
    /// Scripted events: failures and changes at given times.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timeline: Vec<TimelineEvent>,
    /// Application Load Balancer target groups services register their tasks in
    /// (ELB API CreateTargetGroup; see [`crate::elb`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_groups: Vec<crate::elb::TargetGroupSpec>,
    /// Simulator key: requests to services and what they cost (see [`crate::traffic`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub traffic: Vec<crate::traffic::TrafficSpec>,
    /// Simulator knob: how often Fargate Spot tasks are interrupted at random.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fargate_spot: Option<crate::autoscaling::spec::FargateSpotSpec>,
    /// Application Auto Scaling `register-scalable-target` inputs (service desired counts).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scalable_targets: Vec<crate::autoscaling::spec::ScalableTargetSpec>,
    /// Application Auto Scaling `put-scaling-policy` inputs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scaling_policies: Vec<crate::autoscaling::spec::ScalingPolicySpec>,
    /// Application Auto Scaling `put-scheduled-action` inputs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scheduled_actions: Vec<crate::autoscaling::spec::ScheduledActionSpec>,
    /// CloudWatch metric alarms on service metrics (`put-metric-alarm` input, one-minute
    /// period), which a service's `deploymentConfiguration.alarms` names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cloud_watch_alarms: Vec<crate::metrics::alarm::MetricAlarmSpec>,
    /// Simulator key: services start at time 0 already RUNNING and healthy on their task
    /// definition (targets healthy, deployment COMPLETED), as an existing production service
    /// would, instead of from a cold start.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub start_steady: bool,
    /// Simulator key: prices to meter the run with instead of the built-in us-east-1 ones
    /// (see [`crate::cost::spec`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pricing: Option<crate::cost::PricingSpec>,
}

/// A scripted event at a time in the run. (Unknown keys are refused by [`TimelineAction`]:
/// serde cannot deny them on a struct that flattens another.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TimelineEvent {
    /// Seconds from the start of the run.
    pub at: u32,
    /// What happens.
    #[serde(flatten)]
    pub action: TimelineAction,
}

/// The things a timeline (or a playground button) can do to a running cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(
    tag = "action",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum TimelineAction {
    /// `stop-task` on the n-th running task of a service (in start order), like a user would.
    StopTask {
        /// The service whose task stops.
        service: String,
        /// Which of its tasks (0-based, oldest first).
        #[serde(default)]
        index: u32,
    },
    /// The EC2 instance is terminated; its tasks stop and its group launches a replacement.
    TerminateInstance {
        /// The n-th instance in launch order (0-based), across the scenario.
        instance: u32,
    },
    /// The container instance is set to DRAINING; its service tasks are replaced elsewhere.
    DrainInstance {
        /// The n-th instance in launch order (0-based).
        instance: u32,
    },
    /// Every instance and Fargate task in the zone is lost; nothing launches there.
    AzOutage {
        /// The zone, e.g. `us-east-1a`.
        availability_zone: String,
    },
    /// A Fargate Spot interruption of the n-th RUNNING FARGATE_SPOT task of a service (in start
    /// order): the two-minute warning, SIGTERM, and a replacement.
    SpotInterruption {
        /// The service whose Spot task is reclaimed.
        service: String,
        /// Which of its running Spot tasks (0-based, oldest first).
        #[serde(default)]
        index: u32,
    },
    /// The zone is usable again.
    AzRecovery {
        /// The zone.
        availability_zone: String,
    },
    /// `update-service`: a new desired count and/or task definition.
    UpdateService {
        /// The service.
        service: String,
        /// New desired count.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        desired_count: Option<u32>,
        /// New task definition (`family` or `family:revision`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        task_definition: Option<String>,
        /// `--force-new-deployment`: a new deployment even with the same task definition.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        force_new_deployment: bool,
    },
    /// `run-task` at this time: the input's keys sit beside `at` and `action`, resolved exactly
    /// like the top-level `tasks[]` entries. Its result (tasks and `failures[]`) is recorded.
    RunTask(RunTaskSpec),
    /// `register-container-instance`: an EC2 instance outside any Auto Scaling group joins the
    /// cluster at once (its agent registers it), so tasks that fit nowhere may fit now.
    RegisterContainerInstance {
        /// The cluster (default `default`).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        cluster: Option<String>,
        /// An EC2 instance type from the catalogue, e.g. `m5.large`.
        instance_type: String,
        /// Its Availability Zone (one of the subnets' zones).
        availability_zone: String,
        /// Custom attributes (`ECS_INSTANCE_ATTRIBUTES`).
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        attributes: BTreeMap<String, String>,
    },
    /// `aws autoscaling set-desired-capacity`: the Auto Scaling group of the named capacity
    /// provider launches or terminates instances to reach the new size.
    SetDesiredCapacity {
        /// The group: the scenario inlines each group in its capacity provider, so it is named
        /// by the capacity provider's `name`.
        auto_scaling_group_name: String,
        /// The new desired capacity, within the group's minSize–maxSize.
        desired_capacity: u32,
    },
    /// Simulator action: the application in the n-th task of a service (counted as `stopTask`
    /// counts) stops answering, as a deadlock or an exhausted thread pool would: its process
    /// keeps running, but every load balancer and container health check fails from now on and
    /// the requests sent to it time out. Only a health check gets such a task replaced.
    HangTask {
        /// The service whose task hangs.
        service: String,
        /// Which of its tasks (0-based, oldest first).
        #[serde(default)]
        index: u32,
    },
    /// Simulator action: the service's request rate is multiplied for a while (a burst the
    /// profile does not have, e.g. a marketing email).
    TrafficSpike {
        /// The service whose `traffic` entry is multiplied.
        service: String,
        /// Percent of the profile's rate, e.g. 300 for three times (1–10,000).
        multiplier: u32,
        /// How long it lasts, seconds (1–86,400).
        duration_seconds: u32,
    },
}
