//! What each key of a service, a run-task input and their network configuration does, for the
//! editor's completion and hover (see [`crate::form::field_doc`]).

use crate::form::field_doc::{Context, FieldDoc as F};

const CS: &str = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html";
const RT: &str = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html";
const NC: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_NetworkConfiguration.html";
const AV: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html";

/// A `services` entry (CreateService).
pub const SERVICE: Context = Context {
    name: "service",
    fields: &[
        F::new("serviceName", "The service's name, unique in its cluster; 1 to 255 letters, digits, hyphens and underscores.", CS),
        F::new("cluster", "The cluster the service runs in. Default default.", CS),
        F::new("taskDefinition", "family (its latest revision), family:revision, or a task definition ARN.", CS),
        F::new("desiredCount", "How many tasks the REPLICA scheduler keeps running, up to 5,000 (the ECS quota). Required for REPLICA; refused for DAEMON, which runs one task per instance.", CS),
        F::new("launchType", "Where tasks run when no capacity provider strategy is given: EC2 instances, FARGATE, or EXTERNAL (ECS Anywhere). Not together with capacityProviderStrategy.", CS).values(&["EC2", "FARGATE", "EXTERNAL"]),
        F::new("capacityProviderStrategy", "Providers the tasks are spread over: base tasks first, the rest by weight. Omitted with no launchType, the cluster's default strategy applies.", CS).child("capacityProviderStrategyItem"),
        F::new("schedulingStrategy", "REPLICA keeps desiredCount tasks; DAEMON runs one task on each active instance. Default REPLICA.", CS).values(&["REPLICA", "DAEMON"]),
        F::new("placementStrategy", "How EC2 tasks are spread over instances (binpack, spread, random), up to 5 rules applied in order.", CS).child("placementStrategy"),
        F::new("placementConstraints", "Rules an instance must meet (distinctInstance, memberOf with a cluster query), up to 10.", CS).child("placementConstraint"),
        F::new("networkConfiguration", "Subnets, security groups and public IP of awsvpc tasks; required when the task definition uses awsvpc.", NC).child("networkConfiguration"),
        F::new("loadBalancers", "Target groups the service registers its tasks in, each naming a container and port of the task definition.", CS).child("loadBalancer"),
        F::new("deploymentConfiguration", "How a new deployment replaces tasks: percent bounds, circuit breaker, strategy.", CS).child("deploymentConfiguration"),
        F::new("healthCheckGracePeriodSeconds", "Seconds after a task starts in which failing load balancer and container health checks are ignored, 0 to 2,147,483,647. Default 0. The playground's applications are up 2 s after their container starts unless images[…].startSeconds says longer: declare yours to check this covers it.", CS),
        F::new("platformVersion", "Fargate platform version: LATEST (the default, 1.4.0), 1.4.0 or 1.3.0; refused with launchType EC2 or EXTERNAL. 1.3.0 runs no ephemeralStorage, ARM64 or Service Connect.", CS),
        F::new("tags", "Key-value tags on the service. Accepted and kept as written; not simulated.", CS),
        F::new("enableECSManagedTags", "Whether ECS tags the tasks with the cluster and service names. Kept, not simulated.", CS).values(&["true", "false"]),
        F::new("propagateTags", "Copy tags to the tasks from the task definition or the service. Kept, not simulated.", CS).values(&["TASK_DEFINITION", "SERVICE", "NONE"]),
        F::new("serviceRegistries", "Cloud Map registrations: tasks become DNS records clients resolve (and cache for the record's TTL).", CS).child("serviceRegistry"),
        F::new("serviceConnectConfiguration", "Service Connect: a proxy beside each task that resolves and balances calls to other services of the namespace.", CS).child("serviceConnectConfiguration"),
        F::new("enableExecuteCommand", "Allows ECS Exec into the containers. Default false; kept, not simulated.", CS).values(&["true", "false"]),
        F::new("deploymentController", "Who runs deployments: ECS (rolling, blue/green, canary, linear) or CODE_DEPLOY.", CS).child("deploymentController"),
        F::new("availabilityZoneRebalancing", "Whether ECS evens out the service's tasks across zones once it is steady: it starts tasks in the emptiest zone, then stops as many in the fullest. Default ENABLED where it can run (zone spread first or no strategy, maximumPercent over 100, not DAEMON), else DISABLED.", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-rebalancing.html").values(&["ENABLED", "DISABLED"]),
        F::new("codeDeploy", "Simulator key: the CodeDeploy deployment group settings a CODE_DEPLOY service uses (deployment config, wait, green target group).", "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-bluegreen.html").child("codeDeploy"),
    ],
};

/// A `tasks` entry or a timeline `runTask` (RunTask).
pub const RUN_TASK: Context = Context {
    name: "runTask",
    fields: &[
        F::new("cluster", "The cluster the tasks run in. Default default.", RT),
        F::new("taskDefinition", "family (its latest revision), family:revision, or a task definition ARN.", RT),
        F::new("count", "How many tasks to start, 1 to 10. Default 1.", RT),
        F::new("launchType", "EC2, FARGATE or EXTERNAL when no capacity provider strategy is given.", RT).values(&["EC2", "FARGATE", "EXTERNAL"]),
        F::new("capacityProviderStrategy", "Providers the tasks are spread over (base, then weight); the cluster's default when omitted.", RT).child("capacityProviderStrategyItem"),
        F::new("group", "The task group (default family:<family>), which spread and distinctInstance can refer to.", RT),
        F::new("placementStrategy", "How EC2 tasks are spread over instances, up to 5 rules.", RT).child("placementStrategy"),
        F::new("placementConstraints", "Rules an instance must meet, up to 10.", RT).child("placementConstraint"),
        F::new("networkConfiguration", "Subnets and security groups of awsvpc tasks.", NC).child("networkConfiguration"),
        F::new("startedBy", "A tag recorded on the tasks: up to 128 letters, numbers, hyphens (-), forward slashes (/) and underscores (_).", RT),
    ],
};

/// `networkConfiguration`.
pub const NETWORK_CONFIGURATION: Context = Context {
    name: "networkConfiguration",
    fields: &[F::new(
        "awsvpcConfiguration",
        "The subnets, security groups and public IP setting of each task's network interface.",
        NC,
    )
    .child("awsvpcConfiguration")],
};

/// `awsvpcConfiguration`.
pub const AWSVPC_CONFIGURATION: Context = Context {
    name: "awsvpcConfiguration",
    fields: &[
        F::new("subnets", "Subnet IDs the tasks' interfaces go in, 1 to 16, all in one VPC; tasks spread over their zones.", AV),
        F::new("securityGroups", "Security group IDs of the interfaces, up to 5; the VPC default group when omitted.", AV),
        F::new("assignPublicIp", "ENABLED gives each Fargate task a public IP (needed to pull images without a NAT or endpoints). Default DISABLED; Fargate only.", AV).values(&["ENABLED", "DISABLED"]),
    ],
};

/// Every context of this folder.
pub const CONTEXTS: &[Context] = &[
    SERVICE,
    RUN_TASK,
    NETWORK_CONFIGURATION,
    AWSVPC_CONFIGURATION,
];
