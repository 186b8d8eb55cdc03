//! Out-of-memory kills: a task whose memory use (the traffic model's base footprint plus its
//! requests in flight) goes above its hard limit loses its container, as the kernel's OOM killer
//! ends a container at its cgroup limit. ECS reports the container's `reason` as
//! "OutOfMemoryError: Container killed due to memory usage" with exit code 137, and the task
//! stops with "Essential container in task exited"; a service replaces it.

/// Exit code of a container killed by SIGKILL (128 + 9), as the OOM killer sends it.
pub const OOM_EXIT_CODE: u32 = 137;
