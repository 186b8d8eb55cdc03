//! Sorting through one compiled copy of the standard library's sort.
//!
//! Each `sort_by_key` with a closure of its own compiles its own copy of Rust's stable sort
//! (the merge driver, quicksort and small-sort networks: 2–5 KB of wasm each). The playground
//! had 27 such copies, about 108 KB of the release module (issue #14). These functions sort a
//! list of positions, comparing through one `dyn` closure, so the sort is compiled once; then
//! they move the items into place. They are stable: the order is exactly that of
//! `slice::sort_by`, so no trace changes.
//!
//! The placement hot path keeps the standard sorts: it sorts a few partitions per placement,
//! where the list of positions would be one more allocation per task.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    move_into_place(items, order);
}

/// Sorts `items` stably by `key`, as `slice::sort_by_key` does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably by `key`, computing each key once, as `slice::sort_by_cached_key` does.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    move_into_place(items, order);
}

/// Sorts `items` in their own order, as `slice::sort` does (and `sort_unstable`, which orders a
/// total order the same way: items it calls equal are equal).
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Positions `0..n` in the order `compare` puts them, equal ones as they were: the one place the
/// standard sort is instantiated.
fn sorted_positions(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Puts the item at `order[i]` at position `i`, following each cycle of the permutation once
/// (every item moves by swaps, none is copied).
fn move_into_place<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, equal keys included: each item
        /// carries its first position, so a swap of two equal keys would show.
        #[test]
        fn sort_by_key_is_the_standard_stable_sort(keys in proptest::collection::vec(0u8..6, 0..200)) {
            let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = items.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut standard = items;
            standard.sort_by_key(|x| x.0);
            prop_assert_eq!(ours, standard);
        }

        /// Keys computed once give the same order as keys computed at each comparison.
        #[test]
        fn sort_by_cached_key_is_the_standard_one(keys in proptest::collection::vec(0u8..6, 0..200)) {
            let items: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = items.clone();
            sort_by_cached_key(&mut ours, |x| x.0.to_string());
            let mut standard = items;
            standard.sort_by_cached_key(|x| x.0.to_string());
            prop_assert_eq!(ours, standard);
        }

        /// Reversed comparisons and whole-value order agree with the standard library too.
        #[test]
        fn sort_and_sort_by_agree(values in proptest::collection::vec(any::<i16>(), 0..200)) {
            let mut ours = values.clone();
            sort(&mut ours);
            let mut standard = values.clone();
            standard.sort();
            prop_assert_eq!(&ours, &standard);
            let mut down = values.clone();
            sort_by(&mut down, |a, b| b.cmp(a));
            let mut standard_down = values;
            standard_down.sort_by(|a, b| b.cmp(a));
            prop_assert_eq!(down, standard_down);
        }
    }

    #[test]
    fn items_that_are_not_copy_move_whole() {
        let mut names: Vec<String> = ["c", "a", "d", "b"].map(String::from).to_vec();
        sort(&mut names);
        assert_eq!(names, ["a", "b", "c", "d"]);
    }
}
