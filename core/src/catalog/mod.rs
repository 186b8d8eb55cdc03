//! The built-in catalogue of EC2 instance types and Fargate sizes.
