//! What each key of a task definition, a container definition and their parts does, for the
//! editor's completion and hover (see [`crate::form::field_doc`]). Written in this project's
//! words from the ECS API Reference and Developer Guide pages each entry links.

use super::validate::fargate_parameters as fargate;
use crate::form::field_doc::{Context, FieldDoc as F};

const TD: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html";
const CD: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html";
const DG: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html";
const PM: &str = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html";
const HC: &str = "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html";
const RP: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerRestartPolicy.html";
const ES: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html";
const DEP: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html";
const LOG: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html";
const RR: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ResourceRequirement.html";
const RTP: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html";
const FL: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_FirelensConfiguration.html";

/// The keys of a task definition (RegisterTaskDefinition input).
pub const TASK_DEFINITION: Context = Context {
    name: "taskDefinition",
    fields: &[
        F::new("family", "Name shared by every revision of this definition; registering the same family again makes revision N+1. Required; up to 255 letters, digits, hyphens and underscores.", TD),
        F::new("taskRoleArn", "IAM role the application code in the containers assumes to call AWS. Optional; the simulator only keeps it.", TD),
        F::new("executionRoleArn", "IAM role ECS itself uses to pull private images, write awslogs and fetch secrets for the task. Required with secrets, secretOptions or repositoryCredentials, and on Fargate with awslogs or a private ECR image (checked); the role itself is not simulated.", TD),
        F::new("networkMode", "How the containers are networked: awsvpc gives each task its own ENI and IP (required on Fargate), bridge uses Docker's bridge with host port mappings, host shares the instance's network. Defaults to bridge; Windows tasks take awsvpc, or leave it out for NAT (not bridge, host or none).", TD).values(&["awsvpc", "bridge", "host", "none"]).fargate(&fargate::FARGATE_NETWORK_MODES),
        F::new("containerDefinitions", "The containers of the task, 1 to 10; each needs a name and an image. At least one must be essential.", TD).child("containerDefinition"),
        F::new("volumes", "Data volumes the containers can mount. An EFS volume with an access point or IAM authorization needs transitEncryption ENABLED. Kept as written; not simulated.", DG),
        F::new("placementConstraints", "memberOf constraints every task of this definition is placed by, beside its service's or RunTask's own (type memberOf only, at most 10; together with the service's at most 10). Not on Fargate.", TD),
        F::new("requiresCompatibilities", "Launch types ECS validates the definition against; FARGATE demands awsvpc and a Fargate task size. Optional; without it only EC2 rules apply.", TD).values(&["EC2", "FARGATE", "EXTERNAL", "MANAGED_INSTANCES"]),
        F::new("cpu", "Task-level CPU as a string: units (\"256\", 1024 = one vCPU) or \"1 vCPU\". Required on Fargate, where it must pair with memory in the Fargate table (256 to 16384 units); on EC2 it is what the task reserves.", TD),
        F::new("memory", "Task-level memory as a string: MiB (\"512\") or \"2 GB\". Required on Fargate (512 MiB to 120 GiB, paired with cpu); the task is stopped if its containers use more.", TD),
        F::new("tags", "Key-value tags on the task definition. Accepted and kept as written; not simulated.", TD),
        F::new("pidMode", "Share the process namespace with the host or the task (host or task). Accepted and kept as written; not simulated.", TD).values(&super::validate::enums::PID_MODES).fargate(&fargate::FARGATE_PID_MODES),
        F::new("ipcMode", "Share the IPC namespace with the host, the task, or none. Accepted and kept as written; not simulated.", TD).values(&super::validate::enums::IPC_MODES).fargate(&[]),
        F::new("proxyConfiguration", "App Mesh proxy settings. Accepted and kept as written; not simulated.", TD),
        F::new("inferenceAccelerators", "Elastic Inference accelerators (retired by AWS). Accepted and kept as written; not simulated.", TD),
        F::new("ephemeralStorage", "Fargate task storage: sizeInGiB from 21 to 200; 20 GiB when omitted. Checked, not simulated.", ES).child("ephemeralStorage"),
        F::new("runtimePlatform", "OS family (LINUX or WINDOWS_SERVER_…) and CPU architecture (X86_64, or ARM64 for Linux) the images are built for. On EC2 only instances reporting them take the task (ARM64 needs Graviton types such as m6g); Fargate Spot takes Linux tasks only (ARM64 on platform version 1.4.0 or later).", TD).child("runtimePlatform"),
        F::new("enableFaultInjection", "Turns on the fault injection endpoints tasks can call to test resilience. Default false; kept, not simulated.", TD),
    ],
};

/// The keys of a container definition.
pub const CONTAINER_DEFINITION: Context = Context {
    name: "containerDefinition",
    fields: &[
        F::new("name", "The container's name, unique in the task; load balancers, dependsOn and links refer to it. Up to 255 letters, digits, hyphens and underscores.", CD),
        F::new("image", "The image to run (repository:tag or registry/repository@digest). Its behaviour in the simulation comes from the scenario's images entry of the same name.", CD),
        F::new("repositoryCredentials", "Secret holding credentials for a private registry. Needs executionRoleArn (checked); the registry is not simulated.", CD),
        F::new("cpu", "CPU units reserved for this container (1024 = one vCPU). Optional; 0 when omitted; the sum of containers must fit the task-level cpu when that is set.", CD),
        F::new("memory", "Hard memory limit in MiB: the container is killed (exit 137) above it. At least 6 MiB; on EC2 each container needs memory or memoryReservation unless the task sets memory.", CD),
        F::new("memoryReservation", "Soft memory limit in MiB: what the scheduler reserves on the instance; the container may use more, up to memory or what the instance has free. At least 6 MiB and at most memory when both are set (the API says below; ECS accepts equal, as here).", CD),
        F::new("links", "Legacy Docker links to other containers: bridge mode only, refused in awsvpc, host and none. Kept as written; not simulated.", CD),
        F::new("portMappings", "Ports the container listens on and how they map to the host: in bridge mode a hostPort of 0 or none picks a dynamic port; awsvpc and host use the container port.", CD).child("portMapping"),
        F::new("essential", "Whether the task stops when this container stops. Default true; at least one container in the task must be essential.", CD).values(&["true", "false"]),
        F::new("restartPolicy", "Restart the container in place when it exits instead of replacing the task: { enabled, restartAttemptPeriod (60-1800 s, default 300: it must have run that long since it last started), ignoredExitCodes (at most 50) }. Simulated for the essential container whose image crashes.", CD).child("restartPolicy"),
        F::new("entryPoint", "Overrides the image's ENTRYPOINT. Accepted and kept as written; the image's behaviour comes from the scenario's images.", CD),
        F::new("command", "Overrides the image's CMD. Accepted and kept as written; the image's behaviour comes from the scenario's images.", CD),
        F::new("environment", "Environment variables as name/value pairs. Accepted and kept as written; not simulated.", CD),
        F::new("environmentFiles", "S3 files of environment variables. Accepted and kept as written; not simulated.", CD),
        F::new("mountPoints", "Volumes mounted into the container. Accepted and kept as written; not simulated.", CD),
        F::new("volumesFrom", "Mounts another container's volumes. Accepted and kept as written; not simulated.", CD),
        F::new("linuxParameters", "Linux capabilities, devices, init process and shared memory. Accepted and kept as written; not simulated.", CD),
        F::new("secrets", "Secrets Manager or Parameter Store values exposed as environment variables (name, valueFrom). Needs executionRoleArn (checked); the values are not simulated.", CD),
        F::new("dependsOn", "Containers that must reach a condition (START, COMPLETE, SUCCESS, HEALTHY) before this one starts; the task stays PENDING meanwhile.", CD).child("containerDependency"),
        F::new("startTimeout", "Set on a container others wait for: if it has not reached their COMPLETE, SUCCESS or HEALTHY condition this many seconds after it started, they give up and do not start (an essential one stops the task). Without it they wait for good.", CD),
        F::new("stopTimeout", "Seconds between SIGTERM and SIGKILL when the container is stopped. Default 30; at most 120 on Fargate; on EC2 no maximum is documented (the simulator bounds it at 3600).", CD),
        F::new("versionConsistency", "Whether ECS resolves the image tag to a digest at deployment (enabled or disabled). Accepted and kept as written.", CD),
        F::new("hostname", "The container's hostname: refused with awsvpc. Kept as written; not simulated.", CD),
        F::new("user", "The user the process runs as. Accepted and kept as written; not simulated.", CD),
        F::new("workingDirectory", "The directory commands run in. Accepted and kept as written; not simulated.", CD),
        F::new("disableNetworking", "Turns networking off inside the container. Accepted and kept as written; not simulated.", CD),
        F::new("privileged", "Gives the container root on the host (not on Fargate). Accepted and kept as written; not simulated.", CD),
        F::new("readonlyRootFilesystem", "Mounts the root filesystem read-only, as AWS recommends. Accepted and kept as written; the Advice tab checks it.", CD),
        F::new("dnsServers", "DNS servers for the container (not with awsvpc). Accepted and kept as written; not simulated.", CD),
        F::new("dnsSearchDomains", "DNS search domains (not with awsvpc). Accepted and kept as written; not simulated.", CD),
        F::new("extraHosts", "Extra /etc/hosts entries (not with awsvpc). Accepted and kept as written; not simulated.", CD),
        F::new("dockerSecurityOptions", "SELinux and AppArmor labels. Accepted and kept as written; not simulated.", CD),
        F::new("interactive", "Keeps stdin open (docker run -i). Accepted and kept as written; not simulated.", CD),
        F::new("pseudoTerminal", "Allocates a TTY (docker run -t). Accepted and kept as written; not simulated.", CD),
        F::new("dockerLabels", "Docker labels on the container. Accepted and kept as written; not simulated.", CD),
        F::new("ulimits", "Resource limits such as open files: each a name (core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack) with a softLimit and a hardLimit. Checked, kept as written; not simulated.", CD),
        F::new("logConfiguration", "Where the container's output goes: a log driver (awslogs, awsfirelens, json-file …) and its options.", LOG).child("logConfiguration"),
        F::new("healthCheck", "A command the container runs to report its health; a container that fails it is UNHEALTHY and, if essential, so is its task, which a service replaces (a standalone task keeps running).", HC).child("healthCheck"),
        F::new("systemControls", "Kernel parameters (sysctls). Accepted and kept as written; not simulated.", CD),
        F::new("resourceRequirements", "GPUs (or an inference accelerator) the container needs; GPUs are reserved on the instance and need a GPU instance type.", RR).child("resourceRequirement"),
        F::new("firelensConfiguration", "FireLens log router settings: type fluentd or fluentbit. A router needs a container using the awsfirelens log driver, and that driver needs a router. Checked, kept as written; not simulated.", CD).child("firelensConfiguration"),
        F::new("credentialSpecs", "Active Directory credential specs. Accepted and kept as written; not simulated.", CD),
    ],
};

/// The keys of a port mapping.
pub const PORT_MAPPING: Context = Context {
    name: "portMapping",
    fields: &[
        F::new("containerPort", "The port the application listens on inside the container, 1 to 65535.", PM),
        F::new("hostPort", "The instance port. awsvpc and host: omit it or repeat containerPort. bridge: 0 or omitted picks a free port from the dynamic range; a fixed port allows one such task per instance.", PM),
        F::new("protocol", "Transport protocol of the mapping. Default tcp.", PM).values(&["tcp", "udp"]),
        F::new("name", "Name of the port, which Service Connect's portName refers to: up to 64 lowercase letters, digits, '_' and '-', not starting with '-'.", PM),
        F::new("appProtocol", "What the port speaks, for Service Connect's proxy and metrics.", PM).values(&["http", "http2", "grpc"]),
        F::new("containerPortRange", "Container ports such as \"8000-8010\" instead of one containerPort, in bridge or awsvpc mode: 1 to 65535, first below last, no hostPort beside it, no port in two mappings, at most 100 per container. Checked but not placed by.", PM),
    ],
};

/// The keys of a container health check.
pub const HEALTH_CHECK: Context = Context {
    name: "healthCheck",
    fields: &[
        F::new("command", "[\"CMD\", …] runs the command directly, [\"CMD-SHELL\", \"…\"] in the shell; exit 0 means healthy. Whether it passes comes from the image's healthCheckFails.", HC),
        F::new("interval", "Seconds between checks, 5 to 300. Default 30.", HC),
        F::new("timeout", "Seconds a check may take before it counts as failed, 2 to 60. Default 5.", HC),
        F::new("retries", "Failed checks in a row before the container is UNHEALTHY, 1 to 10. Default 3.", HC),
        F::new("startPeriod", "Grace seconds after start in which failures do not count, 0 to 300. Off by default.", HC),
    ],
};

/// The keys of a container restart policy.
pub const RESTART_POLICY: Context = Context {
    name: "restartPolicy",
    fields: &[
        F::new("enabled", "Required: whether ECS restarts the container in place when it exits (the task keeps running).", RP).values(&["true", "false"]),
        F::new("restartAttemptPeriod", "Seconds the container must have run since it last started before it can be restarted, 60 to 1800. Default 300: one that exits sooner is not restarted and the task stops.", RP),
        F::new("ignoredExitCodes", "Exit codes that are not restarted (at most 50); none by default.", RP),
    ],
};

/// The key of ephemeral storage.
pub const EPHEMERAL_STORAGE: Context = Context {
    name: "ephemeralStorage",
    fields: &[F::new(
        "sizeInGiB",
        "Task storage on Fargate in GiB, 21 to 200 (20 GiB when the whole key is omitted).",
        ES,
    )],
};

/// The keys of a container dependency.
pub const CONTAINER_DEPENDENCY: Context = Context {
    name: "containerDependency",
    fields: &[
        F::new("containerName", "The container this one waits for; must be another container of the task.", DEP),
        F::new("condition", "What it must reach first: START (started), COMPLETE (exited, must not be essential), SUCCESS (exited 0, must not be essential) or HEALTHY (passed its health check).", DEP).values(&["START", "COMPLETE", "SUCCESS", "HEALTHY"]),
    ],
};

/// The keys of a log configuration.
pub const LOG_CONFIGURATION: Context = Context {
    name: "logConfiguration",
    fields: &[
        F::new("logDriver", "The log driver; Fargate supports awslogs, splunk and awsfirelens. Required when logConfiguration is given.", LOG).values(&super::validate::enums::LOG_DRIVERS).fargate(&fargate::FARGATE_LOG_DRIVERS),
        F::new("options", "Options of the driver. awslogs requires awslogs-group and awslogs-region, and on Fargate awslogs-stream-prefix too; kept as written.", LOG),
        F::new("secretOptions", "Secrets passed to the driver; they need the task's executionRoleArn. Kept as written.", LOG),
    ],
};

/// The keys of a resource requirement.
pub const RESOURCE_REQUIREMENT: Context = Context {
    name: "resourceRequirement",
    fields: &[
        F::new(
            "type",
            "The kind of resource: GPU reserves physical GPUs on the instance.",
            RR,
        )
        .values(&["GPU", "InferenceAccelerator"]),
        F::new(
            "value",
            "For GPU, how many as a string (\"1\"); for an accelerator, its deviceName.",
            RR,
        ),
    ],
};

/// The keys of `runtimePlatform`: completion offered nothing inside it (engineer walkthrough,
/// 2026-12-07).
pub const RUNTIME_PLATFORM: Context = Context {
    name: "runtimePlatform",
    fields: &[
        F::new("cpuArchitecture", "X86_64 (the default) or ARM64; ARM64 needs Linux, and on EC2 an instance type that reports it (Graviton, such as m6g).", RTP)
            .values(&super::runtime_platform::CPU_ARCHITECTURES),
        F::new("operatingSystemFamily", "LINUX (the default) or a Windows Server edition; a Windows task uses awsvpc or leaves networkMode out (bridge and host are for Linux), and on Fargate takes a task size of at least 1 vCPU.", RTP)
            .values(&super::runtime_platform::OPERATING_SYSTEM_FAMILIES),
    ],
};

/// The keys of `firelensConfiguration`.
pub const FIRELENS_CONFIGURATION: Context = Context {
    name: "firelensConfiguration",
    fields: &[
        F::new("type", "The log router: fluentbit or fluentd.", FL)
            .values(&super::validate::firelens::FIRELENS_TYPES),
        F::new("options", "Options of the router, such as enable-ecs-log-metadata or config-file-type; kept as written.", FL),
    ],
};

/// The keys of an `images` entry: how a container image behaves (simulator keys).
pub const IMAGE_BEHAVIOUR: Context = Context {
    name: "imageBehaviour",
    fields: &[
        F::new("pullSeconds", "Simulator key: seconds to pull the image. Default 8.", ""),
        F::new("startSeconds", "Simulator key: seconds from container start until the application is up. Default 2.", ""),
        F::new("pullFails", "Simulator key: the pull fails with CannotPullContainerError, so the task never starts. Default false.", "").values(&["true", "false"]),
        F::new("crashAfterSeconds", "Simulator key: the main process exits this many seconds after it starts. Default never.", ""),
        F::new("exitCode", "Simulator key: the exit code of that crash. Default 1.", ""),
        F::new("healthCheckFails", "Simulator key: the container health check command fails. Default false.", "").values(&["true", "false"]),
        F::new("ignoresSigterm", "Simulator key: the process ignores SIGTERM, so a stop waits for stopTimeout and then SIGKILL. Default false.", "").values(&["true", "false"]),
        F::new("errorPercent", "Simulator key: percent (0 to 100) of the requests it answers that fail with a 5xx although its health checks pass, a release that only an alarm on the service's errors catches. Default 0.", ""),
    ],
};

/// Every context of this folder.
pub const CONTEXTS: &[Context] = &[
    TASK_DEFINITION,
    CONTAINER_DEFINITION,
    PORT_MAPPING,
    HEALTH_CHECK,
    RESTART_POLICY,
    EPHEMERAL_STORAGE,
    CONTAINER_DEPENDENCY,
    LOG_CONFIGURATION,
    RESOURCE_REQUIREMENT,
    RUNTIME_PLATFORM,
    FIRELENS_CONFIGURATION,
    IMAGE_BEHAVIOUR,
];
