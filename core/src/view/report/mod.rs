//! The `--json` reports of `ecs-sim run`, in the shapes of the AWS APIs they stand for
//! (DescribeTasks, DescribeServices and its deployments, RunTask, DescribeTargetHealth, DescribeScalingActivities, CloudWatch
//! GetMetricData), read from a running [`Sim`](crate::sim::Sim).

pub mod advice;
pub mod arn;
pub mod auto_scaling;
pub mod cost;
pub mod deployments;
pub mod load_balancers;
pub mod metrics;
pub mod run_tasks;
pub mod services;
pub mod tasks;
