//! Task-level `ephemeralStorage` (API EphemeralStorage): how much Fargate task storage to
//! allocate beyond the default.

use serde::{Deserialize, Serialize};

/// API EphemeralStorage.sizeInGiB: "The minimum supported value is 21 GiB" (the CloudFormation
/// page says 20; the API, which RegisterTaskDefinition enforces, wins).
/// https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html
pub const MIN_EPHEMERAL_STORAGE_GIB: i64 = 21;

/// API EphemeralStorage.sizeInGiB: "the maximum supported value is 200 GiB".
pub const MAX_EPHEMERAL_STORAGE_GIB: i64 = 200;

/// `ephemeralStorage` as written: one required integer. Typed (not kept as raw JSON) so a
/// missing or non-integer `sizeInGiB` is refused as the AWS CLI refuses it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EphemeralStorage {
    /// The total ephemeral storage for the task, GiB (21–200).
    #[serde(rename = "sizeInGiB")]
    pub size_in_gib: i64,
}
