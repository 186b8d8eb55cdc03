//! Every advice rule: its ID, a one-line title, why it matters, how to fix it, and the AWS
//! page it comes from (README "Advice" has the same table). Security Hub control IDs are given
//! where one exists.

/// One rule of the rule set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable ID printed in warnings (`no-circuit-breaker`).
    pub id: &'static str,
    /// One line.
    pub title: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// How to fix it.
    pub fix: &'static str,
    /// The Developer Guide, API or Security Hub page it comes from.
    pub source: &'static str,
    /// The AWS Security Hub control, if one checks the same thing.
    pub security_hub: Option<&'static str>,
    /// Whether it is proven from the run (evidence) rather than read from the scenario.
    pub proven: bool,
}

/// The rule set, static rules first, then the ones proven from a run.
pub static RULES: [Rule; 29] = [
    Rule {
        id: "no-circuit-breaker",
        title: "Deployment without a circuit breaker (ECS controller: rolling or blue/green)",
        why: "A deployment whose tasks never become healthy keeps launching them indefinitely instead of failing and rolling back. The breaker works for the ECS deployment controller's rolling and blue/green deployments; CodeDeploy refuses it.",
        fix: "Set deploymentConfiguration.deploymentCircuitBreaker {\"enable\": true, \"rollback\": true}.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-failure-detection.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "grace-period-too-short",
        title: "Health check grace period or startPeriod shorter than the image's start-up",
        why: "The scheduler may stop tasks as unhealthy before they have had time to come up, in a launch-and-kill loop.",
        fix: "Set healthCheckGracePeriodSeconds (with a load balancer) or the health check startPeriod to at least the start-up time.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html (healthCheckGracePeriodSeconds), API_HealthCheck.html (startPeriod)",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "no-log-configuration",
        title: "Container without a logConfiguration",
        why: "Without a log driver the container's output is lost, and failures cannot be debugged.",
        fix: "Add logConfiguration with the awslogs (or awsfirelens) log driver.",
        source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-9",
        security_hub: Some("ECS.9"),
        proven: false,
    },
    Rule {
        id: "secret-in-environment",
        title: "Secret-looking variable in environment instead of secrets",
        why: "Environment values are readable by anyone allowed DescribeTaskDefinition.",
        fix: "Store the value in Secrets Manager or Parameter Store and reference it under secrets.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
        security_hub: Some("ECS.8"),
        proven: false,
    },
    Rule {
        id: "runs-as-root",
        title: "Container with no user, or user root",
        why: "Containers run as root unless told otherwise; a compromise then has root in the container.",
        fix: "Set user to a non-root UID (e.g. \"1000\").",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html",
        security_hub: Some("ECS.20"),
        proven: false,
    },
    Rule {
        id: "writable-root-filesystem",
        title: "readonlyRootFilesystem not true",
        why: "A writable root file system can be tampered with; read-only narrows the attack surface.",
        fix: "Set readonlyRootFilesystem: true and mount volumes where the application must write.",
        source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-5",
        security_hub: Some("ECS.5"),
        proven: false,
    },
    Rule {
        id: "reserved-host-port",
        title: "Host port reserved on every container instance",
        why: "The ECS agent reserves ports 22, 2375, 2376 and 51678–51680 on each instance, so a task mapping one of them as its host port is never placed.",
        fix: "Map another host port (or hostPort 0 for a dynamic one in bridge mode), or use awsvpc.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html (hostPort: the reserved ports)",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "task-fits-no-instance-type",
        title: "Task fits no instance type the service's capacity launches",
        why: "ECS places a task only on a container instance with the CPU, memory and GPUs it reserves free and the attributes its runtimePlatform requires (arm64, Windows); when no instance type of the service's Auto Scaling groups has them, its tasks are never placed. With a capacity provider strategy each provider counts on its own: ECS does not move a provider's share to another.",
        fix: "Give the Auto Scaling group an instance type that holds one task (more CPU, memory or GPUs, or the architecture the task asks for), take the provider out of the strategy, or make the task smaller; a Windows task runs on Fargate here (the playground's instances run the Linux ECS-optimized AMI).",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-event-messages.html (no container instance met all of its requirements)",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "privileged",
        title: "Privileged container",
        why: "A privileged container gets all of root's capabilities on the host.",
        fix: "Remove privileged: true; add only the Linux capabilities the container needs.",
        source: "https://docs.aws.amazon.com/securityhub/latest/userguide/ecs-controls.html#ecs-4",
        security_hub: Some("ECS.4"),
        proven: false,
    },
    Rule {
        id: "no-resource-limits",
        title: "EC2 task without CPU and memory limits",
        why: "Without limits a task can use the host's CPU and memory and starve other tasks on it.",
        fix: "Set task-level cpu and memory, or cpu and memory on every container.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html (Configure tasks with CPU and Memory limits)",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "not-awsvpc",
        title: "bridge or host network mode where awsvpc would do",
        why: "AWS recommends awsvpc unless there is a specific need; host mode shares the host's network and ports.",
        fix: "Use networkMode awsvpc (with security groups per task).",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html",
        security_hub: Some("ECS.17 (host mode)"),
        proven: false,
    },
    Rule {
        id: "mutable-image-tag",
        title: "Image tag latest, or no tag",
        why: "A mutable tag makes deployments unrepeatable: the same task definition can run different code.",
        fix: "Tag each build uniquely (e.g. the git SHA) and use immutable tags in ECR.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/bestpracticesguide/application.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "single-az-behind-load-balancer",
        title: "Service behind a load balancer in one Availability Zone, or with one task",
        why: "One zone or one task is a single point of failure.",
        fix: "Run at least two tasks in at least two zones (subnets in two zones).",
        source: "https://docs.aws.amazon.com/awssupport/latest/user/fault-tolerance-checks.html (Amazon ECS service using a single AZ)",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "no-az-rebalancing",
        title: "Service not rebalanced across Availability Zones",
        why: "After an instance or a zone is lost and comes back, the service's tasks stay where the replacements went: one zone can end up holding most of them, and the next failure there takes more of the service.",
        fix: "Spread across attribute:ecs.availability-zone as the first placement strategy (or name none), keep maximumPercent above 100, and leave availabilityZoneRebalancing ENABLED (its default).",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-rebalancing.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "deployment-cannot-proceed",
        title: "minimumHealthyPercent and maximumPercent leave no room to replace a task",
        why: "With 100/100 the scheduler can neither stop an old task first nor start a new one first, so a deployment cannot progress.",
        fix: "Raise maximumPercent (default 200) or lower minimumHealthyPercent.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "extra-target-groups-not-simulated",
        title: "A second target group the playground does not simulate",
        why: "ECS registers a service's tasks in every target group of its loadBalancers (an internal and an internet-facing load balancer, say); the playground registers them only in the first, so the others get no targets, requests or metrics here.",
        fix: "Nothing to fix in a real service. To watch that group here, put its entry first.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/register-multiple-targetgroups.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "service-connect-namespaces-apart",
        title: "Service Connect client and server in different namespaces",
        why: "A client reaches Service Connect endpoints only in its own namespace; across namespaces it falls back to the server's Cloud Map DNS records, whose TTL keeps stopped tasks' addresses in its cache, or finds nothing.",
        fix: "Put the client's serviceConnectConfiguration in the server's namespace (or leave both to the cluster's default).",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "long-deregistration-delay",
        title: "Deregistration delay left at 300 s",
        why: "A replaced or scaled-in task may stay draining for five minutes (the load balancer ends the delay early only when the target has no requests in flight and no open connections), so deployments and scale-in can wait long after short requests finished.",
        fix: "For requests under a second, set deregistration_delay.timeout_seconds to 5. With Fargate Spot keep it under the two-minute interruption warning.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-connection-draining.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "zero-deregistration-delay",
        title: "Deregistration delay of 0 s",
        why: "When a task is replaced, the requests it is still answering are cut at once and their clients get a 5xx from the load balancer.",
        fix: "Keep the delay above your longest request; for requests under a second the Developer Guide suggests 5 s.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-connection-draining.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "shared-task-and-execution-role",
        title: "executionRoleArn equal to taskRoleArn",
        why: "The agent's permissions (pull images, write logs, read secrets) and the application's should be separate.",
        fix: "Create a task execution role and a separate task role.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-iam-roles.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "no-health-check",
        title: "No container health check",
        why: "Without one, ECS cannot tell a hung container from a healthy one (and counts a task healthy 40 s after RUNNING).",
        fix: "Add a healthCheck to the essential container.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/healthcheck.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "no-rollback",
        title: "Circuit breaker on without rollback",
        why: "A failed deployment stops launching but leaves the service on the failed revision.",
        fix: "Set deploymentCircuitBreaker.rollback: true.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentCircuitBreaker.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "public-ip-assigned",
        title: "Service tasks get a public IP address (assignPublicIp ENABLED)",
        why: "Each task's network interface is reachable from the internet, bypassing the load balancer; private subnets with a NAT gateway (or VPC endpoints) reach the internet without one.",
        fix: "Set networkConfiguration.awsvpcConfiguration.assignPublicIp to DISABLED and use private subnets (with a NAT gateway or VPC endpoints to pull images).",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html",
        security_hub: Some("ECS.2"),
        proven: false,
    },
    Rule {
        id: "old-platform-version",
        title: "Service pinned to Fargate platform version 1.3.0",
        why: "Platform version 1.3.0 is deprecated: AWS retires it (no new tasks) and then stops its tasks; an explicit version is not moved forward for you.",
        fix: "Set platformVersion to LATEST (or 1.4.0) after checking the 1.4.0 migration notes (one task ENI, VPC endpoints).",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-versions-retired.html",
        security_hub: None,
        proven: false,
    },
    Rule {
        id: "stopped-during-start-up",
        title: "Tasks were stopped as unhealthy before their start-up finished",
        why: "The grace period did not cover the application's start-up, so healthy-to-be tasks were killed.",
        fix: "Raise healthCheckGracePeriodSeconds or startPeriod above the start-up time.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html (healthCheckGracePeriodSeconds)",
        security_hub: None,
        proven: true,
    },
    Rule {
        id: "deployment-blocked",
        title: "A deployment was blocked by minimumHealthyPercent and maximumPercent",
        why: "The bounds left the scheduler no task it could stop or start.",
        fix: "Raise maximumPercent or lower minimumHealthyPercent, or add capacity.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html",
        security_hub: None,
        proven: true,
    },
    Rule {
        id: "spot-interruption-below-desired",
        title: "Fargate Spot interruptions took the service below its desired count",
        why: "Fargate does not replace Spot capacity with On-Demand; an interruption costs capacity until the replacement runs. Proven only for a service whose strategy keeps no FARGATE base (with one, the dip is the trade-off chosen).",
        fix: "Keep a base of FARGATE tasks in the capacity provider strategy, or run spare tasks.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html",
        security_hub: None,
        proven: true,
    },
    Rule {
        id: "container-out-of-memory",
        title: "Containers were killed for using more memory than their limit",
        why: "A container whose processes use more memory than the task definition gives it (its memory limit, or a Fargate task's size) is killed with exit code 137 (OutOfMemoryError); the service starts a replacement that meets the same limit.",
        fix: "Give the container the memory it uses: a higher container memory limit, or a larger task memory (on Fargate, a task size that holds it); or make the application use less.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/out-of-memory.html",
        security_hub: None,
        proven: true,
    },
    Rule {
        id: "essential-container-exited",
        title: "Running tasks stopped because an essential container exited",
        why: "When an essential container exits, ECS stops its whole task (stopCode EssentialContainerExited, \"Essential container in task exited\"); the service starts a replacement, and one that exits the same way keeps the service from a steady state. A sidecar counts as much as the application: a crash-looping log router took an engineer's healthy service with it, with no other sign (walkthrough, 2026-12-07).",
        fix: "Read the container's exit code and logs to fix the crash; a container that may end without the task ending (a one-off job, a helper) is marked essential: false.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/stopped-task-error-codes.html",
        security_hub: None,
        proven: true,
    },
];

/// A rule by ID.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_every_rule_has_a_source() {
        let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), RULES.len());
        assert!(RULES.iter().all(|r| r.source.starts_with("https://")));
    }
}
