//! `ephemeralStorage.sizeInGiB` within the API's range, checked whenever it is given.
//!
//! API EphemeralStorage (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html):
//! "The minimum supported value is 21 GiB and the maximum supported value is 200 GiB." The
//! docs do not quote ECS's error; the message below uses the API page's words.

use super::{Problem, TaskDefinition};
use crate::taskdef::ephemeral_storage::{MAX_EPHEMERAL_STORAGE_GIB, MIN_EPHEMERAL_STORAGE_GIB};

/// Reports a `sizeInGiB` outside 21–200.
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let Some(storage) = td.ephemeral_storage else {
        return;
    };
    let size = storage.size_in_gib;
    if !(MIN_EPHEMERAL_STORAGE_GIB..=MAX_EPHEMERAL_STORAGE_GIB).contains(&size) {
        out.push(Problem::new(
            "ephemeralStorage.sizeInGiB",
            format!("Invalid 'ephemeralStorage.sizeInGiB' setting for task: {size} GiB. The minimum supported value is {MIN_EPHEMERAL_STORAGE_GIB} GiB and the maximum supported value is {MAX_EPHEMERAL_STORAGE_GIB} GiB."),
        ));
    }
}
