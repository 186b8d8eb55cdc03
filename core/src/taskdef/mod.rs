//! ECS task definitions as `register-task-definition` takes them, and their validation.
