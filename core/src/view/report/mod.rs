//! The `--json` reports of `ecs-sim run`, in the shapes of the AWS APIs they stand for
//! (DescribeServices deployments, DescribeTargetHealth, DescribeScalingActivities, CloudWatch
//! GetMetricData), read from a running [`Sim`](crate::sim::Sim).

pub mod advice;
pub mod auto_scaling;
pub mod cost;
pub mod deployments;
pub mod load_balancers;
pub mod metrics;
