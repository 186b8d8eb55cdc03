//! The ECS Playground web app. A library so browser tests can mount its components.
