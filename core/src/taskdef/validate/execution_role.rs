//! What needs the task execution role on every launch type: container `secrets`, the log
//! driver's `logConfiguration.secretOptions` and private registry authentication
//! (`repositoryCredentials`). The Fargate-only cases (awslogs, private ECR images) are in
//! `launch_type.rs`.
//!
//! DG "Amazon ECS task execution IAM role"
//! (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
//! lists, for tasks on Fargate or EC2, "uses private registry authentication" and "the task
//! definition references sensitive data using Secrets Manager secrets or AWS Systems Manager
//! Parameter Store parameters". The docs do not quote RegisterTaskDefinition's error.

use super::{container_path, is_set, Problem, TaskDefinition};

/// The ClientException RegisterTaskDefinition returns for `secrets` without the role. The
/// wording is the observed one (quoted verbatim by many public projects, not on an AWS page).
pub const SECRETS_NEED_ROLE: &str =
    "When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.";

/// The same refusal for `repositoryCredentials`. The docs are silent on its exact text (and no
/// observed text was found), so the simulator uses the form of the secrets message.
pub const REPOSITORY_CREDENTIALS_NEED_ROLE: &str =
    "When you are specifying container repository credentials, you must also specify a value for 'executionRoleArn'.";

/// The same refusal for `logConfiguration.secretOptions`: the role fetches those secrets too (DG
/// "Pass secrets for Amazon ECS logging configuration",
/// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-logconfig.html, and the
/// execution role page above: "referencing sensitive data using Secrets Manager secrets or AWS
/// Systems Manager Parameter Store parameters"). No ECS text is quoted for it; the simulator
/// uses the form of the secrets message.
pub const SECRET_OPTIONS_NEED_ROLE: &str =
    "When you are specifying log configuration secret options, you must also specify a value for 'executionRoleArn'.";

/// Reports each container whose `secrets`, `logConfiguration.secretOptions` or
/// `repositoryCredentials` need an `executionRoleArn` the task definition does not have.
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    if td
        .execution_role_arn
        .as_deref()
        .is_some_and(|s| !s.is_empty())
    {
        return;
    }
    for (i, c) in td.containers().iter().enumerate() {
        let here = container_path(i);
        // An empty list asks for no secret, so it needs no role.
        if c.secrets.as_ref().is_some_and(is_set) {
            out.push(Problem::new(format!("{here}.secrets"), SECRETS_NEED_ROLE));
        }
        let secret_options = c
            .log_configuration
            .as_ref()
            .and_then(|l| l.secret_options.as_ref());
        if secret_options.is_some_and(is_set) {
            out.push(Problem::new(
                format!("{here}.logConfiguration.secretOptions"),
                SECRET_OPTIONS_NEED_ROLE,
            ));
        }
        if c.repository_credentials.as_ref().is_some_and(is_set) {
            out.push(Problem::new(
                format!("{here}.repositoryCredentials"),
                REPOSITORY_CREDENTIALS_NEED_ROLE,
            ));
        }
    }
}
