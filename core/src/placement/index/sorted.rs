//! Sorted instance lists with rank and select, so a strategy's tie group can be counted and
//! its k-th member (in instance order, as the reference pipeline keeps candidates) found
//! without listing it.

/// Inserts `x` into the sorted list `v` (no duplicates).
pub fn insert(v: &mut Vec<usize>, x: usize) {
    if let Err(p) = v.binary_search(&x) {
        v.insert(p, x);
    }
}

/// Removes `x` from the sorted list `v`, if present.
pub fn remove(v: &mut Vec<usize>, x: usize) {
    if let Ok(p) = v.binary_search(&x) {
        v.remove(p);
    }
}

/// Elements of the sorted list `v` smaller than `x`.
pub fn rank(v: &[usize], x: usize) -> usize {
    v.partition_point(|&y| y < x)
}

/// One part of a tie group: a sorted list, or a sorted list minus a sorted sub-list.
#[derive(Debug, Clone, Copy)]
pub enum Level<'a> {
    /// Exactly these instances.
    Exact(&'a [usize]),
    /// The instances of the first list that are not in the second (a subset of the first).
    Without(&'a [usize], &'a [usize]),
}

impl Level<'_> {
    /// Number of instances.
    pub fn len(&self) -> usize {
        match self {
            Level::Exact(a) => a.len(),
            Level::Without(a, b) => a.len() - b.len(),
        }
    }

    /// Whether it has no instance.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Instances smaller than `x`.
    pub fn rank(&self, x: usize) -> usize {
        match self {
            Level::Exact(a) => rank(a, x),
            Level::Without(a, b) => rank(a, x) - rank(b, x),
        }
    }

    /// Whether `x` is in it.
    pub fn contains(&self, x: usize) -> bool {
        match self {
            Level::Exact(a) => a.binary_search(&x).is_ok(),
            Level::Without(a, b) => a.binary_search(&x).is_ok() && b.binary_search(&x).is_err(),
        }
    }

    fn last(&self) -> Option<usize> {
        match self {
            Level::Exact(a) | Level::Without(a, _) => a.last().copied(),
        }
    }
}

/// Instances smaller than `x` in the union of disjoint levels.
pub fn union_rank(levels: &[Level<'_>], x: usize) -> usize {
    levels.iter().map(|l| l.rank(x)).sum()
}

/// The `k`-th (from 0) instance, in instance order, of the union of disjoint levels minus
/// `skip` (sorted, and a subset of the union). `k` must be below the size of that set.
pub fn select(levels: &[Level<'_>], skip: &[usize], k: usize) -> usize {
    // Position in the union: each skipped instance at or before the target moves it on by one.
    let mut target = k;
    for &f in skip {
        if union_rank(levels, f) <= target {
            target += 1;
        } else {
            break;
        }
    }
    // The smallest x with more than `target` union members at or below it.
    let mut lo = 0;
    let mut hi = levels.iter().filter_map(Level::last).max().unwrap_or(0);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if union_rank(levels, mid + 1) > target {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn select_matches_listing_the_set() {
        let a = vec![1, 4, 6, 9, 12];
        let b = vec![4, 9];
        let c = vec![0, 5, 13];
        let levels = [Level::Without(&a, &b), Level::Exact(&c)];
        let skip = vec![5, 12];
        let listed: Vec<usize> = vec![0, 1, 6, 13];
        for (k, &want) in listed.iter().enumerate() {
            assert_eq!(select(&levels, &skip, k), want);
        }
        assert_eq!(levels[0].len() + levels[1].len() - skip.len(), listed.len());
    }
}
