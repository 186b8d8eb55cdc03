//! CPU, memory and GPU: the instance must have what the task reserves left unreserved.

use crate::cluster::Instance;
use crate::placement::Rejection;
use crate::taskdef::TaskNeeds;

/// Rejects the instance if the task's CPU, memory or GPUs do not fit.
pub fn check(instance: &Instance, needs: &TaskNeeds) -> Result<(), Rejection> {
    if instance.cpu_free() < needs.cpu {
        return Err(Rejection::InsufficientCpu {
            requested: needs.cpu,
            used: instance.cpu_used,
            registered: instance.cpu,
        });
    }
    if instance.memory_free() < needs.memory {
        return Err(Rejection::InsufficientMemory {
            requested: needs.memory,
            used: instance.memory_used,
            registered: instance.memory,
        });
    }
    if instance.gpus.saturating_sub(instance.gpus_used) < needs.gpus {
        return Err(Rejection::InsufficientGpu {
            requested: needs.gpus,
            used: instance.gpus_used,
            registered: instance.gpus,
        });
    }
    Ok(())
}
