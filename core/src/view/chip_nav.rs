//! Keyboard navigation among the cluster's task chips (a "roving tab index": the cluster is one
//! Tab stop and arrow keys move between chips). The chips form rows in reading order: the
//! waiting queue's shown tasks, then per Availability Zone lane each container instance's tasks
//! (launch order) and the lane's Fargate tasks.
//!
//! - Left / Right: previous / next chip; at a row's end they continue into the neighbouring
//!   row, so every chip is reachable with Right alone.
//! - Up / Down: the chip at the same position (or the row's last) in the previous / next row.
//! - Home / End: the row's first / last chip; with Ctrl, the cluster's first / last chip.

use super::layout::ClusterLayout;

/// How many tasks the waiting queue lists (its heading counts them all).
pub const WAITING_SHOWN: usize = 40;

/// A navigation key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChipKey {
    /// ArrowLeft.
    Left,
    /// ArrowRight.
    Right,
    /// ArrowUp.
    Up,
    /// ArrowDown.
    Down,
    /// Home.
    Home,
    /// End.
    End,
    /// Ctrl+Home.
    First,
    /// Ctrl+End.
    Last,
}

impl ChipKey {
    /// The key for a `KeyboardEvent.key` value (and whether Ctrl or Cmd was held), or `None`
    /// for keys the chips leave to the browser.
    pub fn from_key(key: &str, ctrl: bool) -> Option<ChipKey> {
        Some(match key {
            "ArrowLeft" => ChipKey::Left,
            "ArrowRight" => ChipKey::Right,
            "ArrowUp" => ChipKey::Up,
            "ArrowDown" => ChipKey::Down,
            "Home" if ctrl => ChipKey::First,
            "End" if ctrl => ChipKey::Last,
            "Home" => ChipKey::Home,
            "End" => ChipKey::End,
            _ => return None,
        })
    }
}

/// The chips (task indices) in keyboard order, one row per group the page draws; empty groups
/// are left out.
pub fn chip_rows(layout: &ClusterLayout) -> Vec<Vec<usize>> {
    let mut rows: Vec<Vec<usize>> = Vec::new();
    rows.push(layout.waiting.iter().take(WAITING_SHOWN).copied().collect());
    for lane in &layout.lanes {
        for i in &lane.instances {
            rows.push(layout.tasks_on.get(i).cloned().unwrap_or_default());
        }
        rows.push(lane.fargate.clone());
    }
    rows.retain(|r| !r.is_empty());
    rows
}

/// The chip that holds the cluster's one Tab stop: `focused` while it is still drawn, else the
/// first chip; `None` when there are no chips.
pub fn tab_stop(rows: &[Vec<usize>], focused: Option<usize>) -> Option<usize> {
    focused
        .filter(|f| rows.iter().any(|r| r.contains(f)))
        .or_else(|| rows.first().and_then(|r| r.first()).copied())
}

/// The chip `key` moves to from chip `from`; `None` when `from` is not drawn. At the cluster's
/// edges the focus stays where it is.
pub fn next_chip(rows: &[Vec<usize>], from: usize, key: ChipKey) -> Option<usize> {
    let (r, c) = rows
        .iter()
        .enumerate()
        .find_map(|(r, row)| row.iter().position(|t| *t == from).map(|c| (r, c)))?;
    let row = &rows[r];
    let at = |r: usize, c: usize| rows.get(r).and_then(|row| row.get(c)).copied();
    let last_of = |r: usize| rows.get(r).and_then(|row| row.last()).copied();
    let moved = match key {
        ChipKey::Right if c + 1 < row.len() => at(r, c + 1),
        ChipKey::Right => at(r + 1, 0),
        ChipKey::Left if c > 0 => at(r, c - 1),
        ChipKey::Left => r.checked_sub(1).and_then(last_of),
        ChipKey::Down => rows
            .get(r + 1)
            .and_then(|next| next.get(c.min(next.len().saturating_sub(1))))
            .copied(),
        ChipKey::Up => r
            .checked_sub(1)
            .and_then(|p| rows[p].get(c.min(rows[p].len().saturating_sub(1))))
            .copied(),
        ChipKey::Home => row.first().copied(),
        ChipKey::End => row.last().copied(),
        ChipKey::First => at(0, 0),
        ChipKey::Last => rows.len().checked_sub(1).and_then(last_of),
    };
    Some(moved.unwrap_or(from))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::layout::Lane;
    use std::collections::BTreeMap;

    /// Waiting: 90; lane a: instance 0 with 1,2,3 and instance 1 with 4; Fargate 5,6;
    /// lane b: instance 2 without tasks, Fargate 7.
    fn layout() -> ClusterLayout {
        ClusterLayout {
            lanes: vec![
                Lane {
                    zone: "a".into(),
                    down: false,
                    instances: vec![0, 1],
                    fargate: vec![5, 6],
                },
                Lane {
                    zone: "b".into(),
                    down: false,
                    instances: vec![2],
                    fargate: vec![7],
                },
            ],
            waiting: vec![90],
            unplaced: vec![],
            tasks_on: BTreeMap::from([(0, vec![1, 2, 3]), (1, vec![4])]),
        }
    }

    #[test]
    fn rows_follow_the_page_and_skip_empty_groups() {
        assert_eq!(
            chip_rows(&layout()),
            vec![vec![90], vec![1, 2, 3], vec![4], vec![5, 6], vec![7]]
        );
    }

    #[test]
    fn the_waiting_queue_row_holds_only_the_shown_tasks() {
        let mut l = layout();
        l.waiting = (100..200).collect();
        assert_eq!(chip_rows(&l)[0].len(), WAITING_SHOWN);
    }

    #[test]
    fn right_walks_every_chip_in_order_and_stops_at_the_end() {
        let rows = chip_rows(&layout());
        let mut at = 90;
        let mut seen = vec![at];
        for _ in 0..10 {
            at = next_chip(&rows, at, ChipKey::Right).expect("drawn");
            if seen.last() == Some(&at) {
                break;
            }
            seen.push(at);
        }
        assert_eq!(seen, [90, 1, 2, 3, 4, 5, 6, 7]);
        assert_eq!(next_chip(&rows, 1, ChipKey::Left), Some(90));
        assert_eq!(next_chip(&rows, 90, ChipKey::Left), Some(90));
    }

    #[test]
    fn up_and_down_keep_the_position_or_take_the_rows_last() {
        let rows = chip_rows(&layout());
        assert_eq!(next_chip(&rows, 3, ChipKey::Down), Some(4));
        assert_eq!(next_chip(&rows, 4, ChipKey::Down), Some(5));
        assert_eq!(next_chip(&rows, 6, ChipKey::Up), Some(4));
        assert_eq!(next_chip(&rows, 2, ChipKey::Up), Some(90));
        assert_eq!(next_chip(&rows, 90, ChipKey::Up), Some(90));
        assert_eq!(next_chip(&rows, 7, ChipKey::Down), Some(7));
        assert_eq!(next_chip(&rows, 6, ChipKey::Down), Some(7));
    }

    #[test]
    fn home_and_end_stay_in_the_row_unless_ctrl_is_held() {
        let rows = chip_rows(&layout());
        assert_eq!(next_chip(&rows, 2, ChipKey::Home), Some(1));
        assert_eq!(next_chip(&rows, 2, ChipKey::End), Some(3));
        assert_eq!(next_chip(&rows, 2, ChipKey::First), Some(90));
        assert_eq!(next_chip(&rows, 2, ChipKey::Last), Some(7));
        assert_eq!(ChipKey::from_key("Home", true), Some(ChipKey::First));
        assert_eq!(ChipKey::from_key("End", false), Some(ChipKey::End));
        assert_eq!(ChipKey::from_key("Tab", false), None);
    }

    #[test]
    fn a_chip_no_longer_drawn_moves_nowhere_and_gives_up_the_tab_stop() {
        let rows = chip_rows(&layout());
        assert_eq!(next_chip(&rows, 42, ChipKey::Right), None);
        assert_eq!(tab_stop(&rows, Some(42)), Some(90));
        assert_eq!(tab_stop(&rows, Some(4)), Some(4));
        assert_eq!(tab_stop(&rows, None), Some(90));
        assert_eq!(tab_stop(&[], None), None);
    }
}
