//! What each key of the simulator's `traffic` entries does, for the editor's completion and
//! hover (see [`crate::form::field_doc`]). AWS has no such object: these are simulator keys.

use crate::form::field_doc::{Context, FieldDoc as F};

/// A `traffic` entry.
pub const TRAFFIC: Context = Context {
    name: "traffic",
    fields: &[
        F::new("serviceName", "Simulator key: the service that receives the requests.", ""),
        F::new("fromService", "Simulator key: the client service making the calls (through service discovery); omitted means the internet, through the load balancer.", ""),
        F::new("profile", "Simulator key: how the request rate changes over the run; shape is constant, step, ramp, dailySine or spike.", "").child("rateProfile"),
        F::new("cpuMillisPerRequest", "Simulator key: CPU time one request needs, ms; a task with 1024 CPU units does 1,000 ms of CPU work per second.", ""),
        F::new("memoryMiBPerConcurrentRequest", "Simulator key: memory each request in flight holds, MiB. Default 0.", ""),
        F::new("baseCpuPercent", "Simulator key: CPU a task uses with no requests, percent of its reservation. Default 0.", ""),
        F::new("baseMemoryMiB", "Simulator key: memory a task uses with no requests, MiB. Default 0.", ""),
        F::new("timeoutMillis", "Simulator key: requests that would take longer fail. Default 30,000 ms.", ""),
    ],
};

/// A `profile`: the keys of every shape together (each shape takes its own).
pub const RATE_PROFILE: Context = Context {
    name: "rateProfile",
    fields: &[
        F::new("shape", "Simulator key: constant, step (one change at atSeconds), ramp (a line between two times), dailySine (a daily wave) or spike (one burst).", "").values(&["constant", "step", "ramp", "dailySine", "spike"]),
        F::new("requestsPerSecond", "Simulator key: the rate (constant), the rate before the step (step), or outside the burst (spike).", ""),
        F::new("thenRequestsPerSecond", "Simulator key (step): the rate from atSeconds on.", ""),
        F::new("atSeconds", "Simulator key (step, spike): when the step or burst starts, seconds from the start.", ""),
        F::new("fromRequestsPerSecond", "Simulator key (ramp): the rate up to startSeconds.", ""),
        F::new("toRequestsPerSecond", "Simulator key (ramp): the rate from endSeconds on.", ""),
        F::new("startSeconds", "Simulator key (ramp): when the ramp starts.", ""),
        F::new("endSeconds", "Simulator key (ramp): when the ramp ends.", ""),
        F::new("minRequestsPerSecond", "Simulator key (dailySine): the trough.", ""),
        F::new("maxRequestsPerSecond", "Simulator key (dailySine): the peak.", ""),
        F::new("peakAtSeconds", "Simulator key (dailySine): a time of a peak, seconds from the start. Default 0.", ""),
        F::new("periodSeconds", "Simulator key (dailySine): the wave's period. Default 86,400 (a day).", ""),
        F::new("spikeRequestsPerSecond", "Simulator key (spike): the rate during the burst.", ""),
        F::new("durationSeconds", "Simulator key (spike): how long the burst lasts.", ""),
    ],
};

/// Every context of this folder.
pub const CONTEXTS: &[Context] = &[TRAFFIC, RATE_PROFILE];
