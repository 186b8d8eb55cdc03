//! Where a chart's event-marker labels go so that no two of them overlap: each label sits next
//! to its marker line (to the right, or to the left near the right edge) on one of a few rows;
//! a label with no room is abbreviated with "…" (the page shows the full text on hover), and one
//! with no room even for a few characters is left out (its line and hover text stay).
//!
//! Each line is a flag pole: it rises from the bottom of the plot to the top of its own label's
//! row and no higher, and no label is crossed by another marker's pole. So a label always sits
//! at the top of the line it names: two close markers read as a staircase (the left one's label
//! on the upper row, running over the right one's shorter pole), never as a label that starts
//! at one line and ends at the next. A marker whose label is left out stops below every row.
//!
//! Pure geometry over an estimated character width, so the guarantees "label boxes never
//! intersect" and "no pole crosses another marker's label" are tested natively with many close
//! markers.

/// The space labels are laid out in, in the chart's frame units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LabelSpace {
    /// Leftmost x a label may start at.
    pub min_x: f64,
    /// Rightmost x a label may end at.
    pub max_x: f64,
    /// y of the top of row 0.
    pub top: f64,
    /// Height of one row (at least the text's height, so rows never overlap).
    pub row_height: f64,
    /// How many rows labels may use.
    pub rows: usize,
    /// Estimated width of one character (an upper bound for the font used).
    pub char_width: f64,
    /// Space between a marker line and its label, and between two labels on a row.
    pub gap: f64,
    /// Least space between a label's far end (the end away from its own line) and another
    /// marker's line through its row: a label ending right at a line reads as that line's.
    pub far_gap: f64,
}

/// Fewest characters an abbreviated label keeps before its "…"; with less room it is hidden.
pub const MIN_ABBREVIATED_CHARS: usize = 3;

/// One marker's label, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedLabel {
    /// The text drawn: the full label, an abbreviation ending in "…", or empty (no room).
    pub text: String,
    /// The label was shortened or hidden: the page must offer the full text on hover.
    pub abbreviated: bool,
    /// Its row (0 at the top).
    pub row: usize,
    /// The label sits left of its marker line (drawn with `text-anchor="end"`).
    pub left: bool,
    /// The x its text is anchored at (start for a right label, end for a left one).
    pub anchor_x: f64,
    /// Its box: `(x0, y0, x1, y1)`; zero width when the label is hidden.
    pub bounds: (f64, f64, f64, f64),
    /// The y its marker line rises to: the top of its label's row, or below every row when the
    /// label is hidden.
    pub line_top: f64,
}

/// The estimated width of `chars` characters.
fn width(space: &LabelSpace, chars: usize) -> f64 {
    chars as f64 * space.char_width
}

/// `label` cut to `chars` characters, the last of them "…" (or unchanged when it fits).
pub fn abbreviate(label: &str, chars: usize) -> String {
    if label.chars().count() <= chars {
        return label.to_string();
    }
    let mut cut: String = label.chars().take(chars.saturating_sub(1)).collect();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// Lays out the labels of markers at `markers` (`(x, label)`, any order; the result is in
/// the same order). Markers are handled left to right; each takes the first row where its full
/// label fits to the right of its line, else to the left, else the row with the most room for
/// an abbreviation. No two returned non-empty boxes intersect and all lie in `space`.
pub fn place_labels(markers: &[(f64, &str)], space: &LabelSpace) -> Vec<PlacedLabel> {
    place_labels_avoiding(markers, space, &[])
}

/// A box `(x0, y0, x1, y1)` in frame units.
pub type LabelBox = (f64, f64, f64, f64);

/// Two boxes share area (touching edges do not count).
pub fn boxes_intersect(a: LabelBox, b: LabelBox) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// [`place_labels`], keeping every label clear of `obstacles` too (the target line's label).
pub fn place_labels_avoiding(
    markers: &[(f64, &str)],
    space: &LabelSpace,
    obstacles: &[LabelBox],
) -> Vec<PlacedLabel> {
    place_labels_with_short(markers, &[], space, obstacles)
}

/// [`place_labels_avoiding`], where marker `i` may also be drawn as `shorts[i]` (a tighter
/// wording of the same event, "desired 12" for "worker: desired 12"): a label whose whole text
/// has no room on any row takes its short form whole before either is cut with "…" (lesson
/// 13's chart on a projector read "worker: desir…" and "instance…", presenter walkthrough,
/// 2026-12-07). When neither fits, the short form is the one abbreviated. A missing entry is no
/// short form.
///
/// Markers are placed left to right, so an early label takes its whole text even when that
/// leaves a later one cut. When any label is cut or hidden, the markers are placed a second
/// time with every short form taken from the start, and that layout is kept if it cuts fewer:
/// lesson 5's presenter chart kept "us-east-1c outage" whole and cut the rebalancing at the
/// right edge to "rebal…", where "1c outage" left "balanced" room (presenter walkthrough,
/// 2026-12-07, 37th session).
pub fn place_labels_with_short(
    markers: &[(f64, &str)],
    shorts: &[Option<&str>],
    space: &LabelSpace,
    obstacles: &[LabelBox],
) -> Vec<PlacedLabel> {
    // The short forms that say less: a missing, empty or no shorter one is none.
    let usable: Vec<Option<&str>> = (0..markers.len())
        .map(|i| {
            shorts
                .get(i)
                .copied()
                .flatten()
                .filter(|s| !s.is_empty() && s.chars().count() < markers[i].1.chars().count())
        })
        .collect();
    let first = place_in_order(markers, &usable, space, obstacles);
    // Labels drawn neither whole nor as their short form: cut with "…", or hidden.
    let cut = |placed: &[PlacedLabel]| {
        placed
            .iter()
            .enumerate()
            .filter(|(i, p)| p.text != markers[*i].1 && Some(p.text.as_str()) != usable[*i])
            .count()
    };
    let first_cut = cut(&first);
    if first_cut == 0 || usable.iter().all(Option::is_none) {
        return first;
    }
    let all_short: Vec<(f64, &str)> = markers
        .iter()
        .zip(&usable)
        .map(|(&(x, full), short)| (x, short.unwrap_or(full)))
        .collect();
    let mut second = place_in_order(&all_short, &[], space, obstacles);
    for (p, &(_, full)) in second.iter_mut().zip(markers) {
        p.abbreviated = p.text != full;
    }
    if cut(&second) < first_cut {
        second
    } else {
        first
    }
}

/// One left-to-right placement (see [`place_labels_with_short`]); `shorts` are only those
/// that say less than their label.
fn place_in_order(
    markers: &[(f64, &str)],
    shorts: &[Option<&str>],
    space: &LabelSpace,
    obstacles: &[LabelBox],
) -> Vec<PlacedLabel> {
    let rows = space.rows.max(1);
    // The rightmost x used on each row so far (labels are placed left to right).
    let mut row_end = vec![f64::NEG_INFINITY; rows];
    // The poles placed so far: `(x, row)` of each shown label (a hidden one's pole stays below
    // every row and crosses nothing).
    let mut poles: Vec<(f64, usize)> = Vec::new();
    let mut order: Vec<usize> = (0..markers.len()).collect();
    crate::order::sort_by(&mut order, |&a, &b| markers[a].0.total_cmp(&markers[b].0));
    let mut out: Vec<Option<PlacedLabel>> = vec![None; markers.len()];
    for i in order {
        let (x, full_label) = markers[i];
        let short = shorts.get(i).copied().flatten();
        // Room on each row, to the right and to the left of the line.
        let room = |row: usize, left: bool| -> f64 {
            let free_from = (row_end[row] + space.gap).max(space.min_x);
            if left {
                (x - space.gap) - free_from
            } else if free_from <= x + space.gap {
                space.max_x - (x + space.gap)
            } else {
                f64::NEG_INFINITY
            }
        };
        // The box of `n` characters on `row`, right or left of the line.
        let bounds = |row: usize, left: bool, n: usize| -> LabelBox {
            let w = width(space, n);
            let y0 = space.top + row as f64 * space.row_height;
            if left {
                (x - space.gap - w, y0, x - space.gap, y0 + space.row_height)
            } else {
                (x + space.gap, y0, x + space.gap + w, y0 + space.row_height)
            }
        };
        // This marker's pole, rising to `row`, passes no earlier label on its row or below,
        // nor ends one: earlier labels lie left of it, so only one running to `x` could be.
        let pole_free = |row: usize| row_end[row..].iter().all(|end| end + space.far_gap <= x);
        // A box crosses no obstacle, and a left one (only it reaches back to earlier poles)
        // crosses no earlier pole that rises to its row or higher and ends no nearer than
        // `far_gap` to one.
        let clear = |row: usize, left: bool, b: LabelBox| {
            obstacles.iter().all(|o| !boxes_intersect(*o, b))
                && (!left
                    || poles
                        .iter()
                        .all(|&(px, prow)| prow > row || px <= b.0 - space.far_gap || px >= b.2))
        };
        // The first row and side where `n` characters fit whole, the right side first.
        let whole = |n: usize| {
            let fits = |row: usize, left: bool| {
                pole_free(row)
                    && room(row, left) >= width(space, n)
                    && clear(row, left, bounds(row, left, n))
            };
            (0..rows)
                .find(|&r| fits(r, false))
                .map(|r| (r, false, n))
                .or_else(|| (0..rows).find(|&r| fits(r, true)).map(|r| (r, true, n)))
        };
        let full_fit = whole(full_label.chars().count());
        // The text drawn whole or cut: the short form when the whole label has no room.
        let label = match (full_fit, short) {
            (None, Some(s)) => s,
            _ => full_label,
        };
        let chars = label.chars().count();
        let choice = full_fit
            .or_else(|| short.and_then(|_| whole(chars)))
            .or_else(|| {
                // The most room for an abbreviation, the upper row and the right side first.
                let mut best: Option<(usize, bool, usize)> = None;
                for r in (0..rows).filter(|&r| pole_free(r)) {
                    for left in [false, true] {
                        let n = (room(r, left) / space.char_width).floor();
                        let mut n = if n.is_finite() && n > 0.0 {
                            (n as usize).min(chars)
                        } else {
                            0
                        };
                        while n >= MIN_ABBREVIATED_CHARS && !clear(r, left, bounds(r, left, n)) {
                            n -= 1;
                        }
                        if n >= MIN_ABBREVIATED_CHARS && best.is_none_or(|b| n > b.2) {
                            best = Some((r, left, n));
                        }
                    }
                }
                best
            });
        let placed = match choice {
            Some((row, left, n)) => {
                let text = abbreviate(label, n);
                let w = width(space, text.chars().count());
                let (x0, x1) = if left {
                    (x - space.gap - w, x - space.gap)
                } else {
                    (x + space.gap, x + space.gap + w)
                };
                row_end[row] = row_end[row].max(x1);
                poles.push((x, row));
                let y0 = space.top + row as f64 * space.row_height;
                PlacedLabel {
                    abbreviated: text != full_label,
                    text,
                    row,
                    left,
                    anchor_x: if left { x1 } else { x0 },
                    bounds: (x0, y0, x1, y0 + space.row_height),
                    line_top: y0,
                }
            }
            None => PlacedLabel {
                text: String::new(),
                abbreviated: !full_label.is_empty(),
                row: 0,
                left: false,
                anchor_x: x,
                bounds: (x, space.top, x, space.top),
                line_top: space.top + rows as f64 * space.row_height,
            },
        };
        out[i] = Some(placed);
    }
    out.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPACE: LabelSpace = LabelSpace {
        min_x: 0.0,
        max_x: 320.0,
        top: 12.0,
        row_height: 13.0,
        rows: 4,
        char_width: 7.0,
        gap: 2.0,
        far_gap: 7.0,
    };

    fn intersect(a: LabelBox, b: LabelBox) -> bool {
        boxes_intersect(a, b)
    }

    fn assert_no_overlap(placed: &[PlacedLabel], space: &LabelSpace) {
        let shown: Vec<&PlacedLabel> = placed.iter().filter(|p| !p.text.is_empty()).collect();
        for (i, a) in shown.iter().enumerate() {
            assert!(
                a.bounds.0 >= space.min_x && a.bounds.2 <= space.max_x,
                "{a:?} leaves the frame"
            );
            assert!(a.row < space.rows);
            // The box is as wide as its text, by the same estimate.
            let w = a.text.chars().count() as f64 * space.char_width;
            assert!((a.bounds.2 - a.bounds.0 - w).abs() < 1e-9, "{a:?}");
            for b in &shown[i + 1..] {
                assert!(!intersect(a.bounds, b.bounds), "{a:?} overlaps {b:?}");
            }
        }
    }

    /// No marker's pole (from the bottom up to its `line_top`) runs through another marker's
    /// label, and each shown label's pole rises exactly to its row.
    fn assert_poles_cross_no_label(markers: &[(f64, &str)], placed: &[PlacedLabel]) {
        for ((x, _), p) in markers.iter().zip(placed) {
            if p.text.is_empty() {
                assert!(p.line_top >= SPACE.top + SPACE.rows as f64 * SPACE.row_height - 1e-9);
            } else {
                assert_eq!(p.line_top, p.bounds.1, "{p:?}");
            }
            for other in placed
                .iter()
                .filter(|o| !o.text.is_empty() && !std::ptr::eq(*o, p))
            {
                let (x0, _, x1, y1) = other.bounds;
                // The far end (away from the label's own line) keeps `far_gap` from the pole.
                let (x0, x1) = if other.left {
                    (x0 - SPACE.far_gap, x1)
                } else {
                    (x0, x1 + SPACE.far_gap)
                };
                let crosses = *x > x0 && *x < x1 && p.line_top < y1;
                assert!(
                    !crosses,
                    "the pole at {x} (up to {}) crosses or ends {other:?}",
                    p.line_top
                );
            }
        }
    }

    #[test]
    fn far_apart_markers_keep_their_full_labels_on_the_top_row() {
        let placed = place_labels(&[(10.0, "scale out"), (200.0, "drain")], &SPACE);
        assert_eq!(placed[0].text, "scale out");
        assert_eq!(placed[1].text, "drain");
        assert!(placed
            .iter()
            .all(|p| p.row == 0 && !p.left && !p.abbreviated));
        assert_no_overlap(&placed, &SPACE);
    }

    #[test]
    fn many_close_markers_never_overlap() {
        // Thirty markers two units apart with long labels: most must be cut or hidden.
        let labels: Vec<String> = (0..30)
            .map(|i| format!("UpdateService web rev {i} started"))
            .collect();
        let markers: Vec<(f64, &str)> = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (40.0 + 2.0 * i as f64, l.as_str()))
            .collect();
        let placed = place_labels(&markers, &SPACE);
        assert_eq!(placed.len(), 30);
        assert_no_overlap(&placed, &SPACE);
        assert_poles_cross_no_label(&markers, &placed);
        // Four rows hold four whole labels; the rest have no room and keep only their line.
        assert!(placed.iter().filter(|p| p.abbreviated).count() >= 26);
        // The first marker still gets its whole label.
        assert_eq!(placed[0].text, labels[0]);
    }

    #[test]
    fn dense_markers_in_any_order_and_everywhere_never_overlap() {
        // A deterministic spread of positions over the whole width, unsorted, with varied
        // label lengths, for several densities.
        for n in [5usize, 12, 40, 100] {
            let labels: Vec<String> = (0..n).map(|i| "x".repeat(1 + (i * 7) % 29)).collect();
            let markers: Vec<(f64, &str)> = labels
                .iter()
                .enumerate()
                .map(|(i, l)| (((i * 137) % 320) as f64, l.as_str()))
                .collect();
            let placed = place_labels(&markers, &SPACE);
            assert_eq!(placed.len(), n);
            assert_no_overlap(&placed, &SPACE);
            assert_poles_cross_no_label(&markers, &placed);
            // Results are in the input order: each label is a prefix of its own input.
            for (p, (_, l)) in placed.iter().zip(&markers) {
                let kept = p.text.trim_end_matches('…');
                assert!(l.starts_with(kept), "{p:?} is not from {l}");
            }
        }
    }

    #[test]
    fn a_label_near_the_right_edge_goes_left_of_its_line() {
        let placed = place_labels(&[(310.0, "drain i-0abc")], &SPACE);
        assert!(placed[0].left);
        assert_eq!(placed[0].text, "drain i-0abc");
        assert_eq!(placed[0].anchor_x, 308.0);
        assert_no_overlap(&placed, &SPACE);
    }

    #[test]
    fn two_close_markers_use_two_rows() {
        let placed = place_labels(&[(50.0, "scale out 6 → 9"), (60.0, "drain")], &SPACE);
        assert_eq!(placed[0].row, 0);
        assert_eq!(placed[1].row, 1);
        assert!(!placed[1].abbreviated);
    }

    #[test]
    fn a_label_never_runs_across_a_neighbours_line_to_it() {
        // The *Target tracking* chart of the walkthrough: "instances 2→4" at 0:08 and
        // "scale in 8→4" at 0:30, then "instances 4→2" at 0:44 near the right edge. With lines
        // the plot's whole height, the last label, drawn left of its line, began just after the
        // 0:30 line and read as that marker's. Now the lines of the earlier markers stop below
        // the rows the later labels cross, so each label sits at the top of its own line.
        let markers = [
            (60.0, "Traffic spike: (service web) rate 230%"),
            (76.0, "scale out 4→8"),
            (80.0, "instances 2→4"),
            (170.0, "scale in 8→4"),
            (230.0, "instances 4→2 (CapacityProviderReservation)"),
        ];
        let placed = place_labels(&markers, &SPACE);
        assert_no_overlap(&placed, &SPACE);
        assert_poles_cross_no_label(&markers, &placed);
        // The staircase: each close neighbour one row lower than the label running over it.
        assert_eq!((placed[0].row, placed[1].row, placed[2].row), (0, 1, 2));
        // A left label never starts left of an earlier pole that rises to its row.
        for (i, p) in placed.iter().enumerate().filter(|(_, p)| p.left) {
            for (j, (x, _)) in markers.iter().enumerate().take(i) {
                if placed[j].row <= p.row && !placed[j].text.is_empty() {
                    assert!(
                        *x <= p.bounds.0 - SPACE.far_gap,
                        "{p:?} runs across or ends at the line at {x}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_label_does_not_end_at_the_next_markers_line() {
        // "aaaa" right of 100 ends at 130; a line at 133 on the same row would hold a label
        // that starts where the first one ends, the two reading as one line's. The second
        // label goes a row down, under the first, so the first one's end is clear of its pole.
        let markers = [(100.0, "aaaa"), (133.0, "bbbb")];
        let placed = place_labels(&markers, &SPACE);
        assert_eq!((placed[0].row, placed[1].row), (0, 1));
        assert!(!placed[1].left && !placed[1].abbreviated);
        assert_poles_cross_no_label(&markers, &placed);
        // Far enough apart, both keep the top row.
        let markers = [(100.0, "aaaa"), (137.0, "bbbb")];
        let placed = place_labels(&markers, &SPACE);
        assert_eq!((placed[0].row, placed[1].row), (0, 0));
    }

    #[test]
    fn no_room_hides_the_text_but_keeps_the_marker() {
        let tight = LabelSpace { rows: 1, ..SPACE };
        let placed = place_labels(&[(100.0, "aaaa"), (101.0, "bbbb")], &tight);
        assert_eq!(placed[0].text, "aaaa");
        // Left of the second line there is no free space (row 0 is used up to ~130).
        assert!(placed[1].text.is_empty() || placed[1].text.ends_with('…'));
        assert!(placed[1].abbreviated);
        assert_no_overlap(&placed, &tight);
    }

    #[test]
    fn a_label_without_room_for_its_whole_text_is_abbreviated() {
        let one = LabelSpace { rows: 1, ..SPACE };
        let long = "UpdateService web to web:2 started";
        let placed = place_labels(&[(100.0, "abcd"), (200.0, long)], &one);
        assert_eq!(placed[0].text, "abcd");
        // 118 units right of the line hold 16 characters.
        assert_eq!(placed[1].text, "UpdateService w…");
        assert!(placed[1].abbreviated && !placed[1].left);
        assert_no_overlap(&placed, &one);
    }

    #[test]
    fn a_label_without_room_for_its_whole_text_takes_its_short_form_whole() {
        let one = LabelSpace { rows: 1, ..SPACE };
        let markers = [(100.0, "abcd"), (255.0, "worker: desired 12")];
        // Right of 255 there is room for 9 characters, left of it for 17: not the 18 of the
        // whole label, so without a short form it is cut.
        let cut = place_labels(&markers, &one);
        assert_eq!(cut[1].text, "worker: desired…");
        let placed = place_labels_with_short(&markers, &[None, Some("desired 12")], &one, &[]);
        assert_eq!(placed[0].text, "abcd");
        assert_eq!(placed[1].text, "desired 12");
        assert!(placed[1].left && placed[1].abbreviated);
        assert_no_overlap(&placed, &one);
        assert_poles_cross_no_label(&markers, &placed);
        // With room for the whole label, the short form is not used.
        let wide = [(100.0, "abcd"), (160.0, "worker: desired 12")];
        let placed = place_labels_with_short(&wide, &[None, Some("desired 12")], &one, &[]);
        assert_eq!(placed[1].text, "worker: desired 12");
        assert!(!placed[1].abbreviated);
    }

    #[test]
    fn with_room_for_neither_the_short_form_is_the_one_cut() {
        let one = LabelSpace { rows: 1, ..SPACE };
        let markers = [(230.0, "abcd"), (300.0, "worker: desired 12")];
        let placed = place_labels_with_short(&markers, &[None, Some("desired 12")], &one, &[]);
        // Left of 300 there is room for 5 characters.
        assert_eq!(placed[1].text, "desi…");
        assert!(placed[1].abbreviated);
        assert_no_overlap(&placed, &one);
        // A "short form" no shorter than the label is ignored.
        let placed =
            place_labels_with_short(&markers, &[None, Some("worker: desired 12!")], &one, &[]);
        assert_eq!(placed[1].text, "work…");
    }

    #[test]
    fn an_early_label_takes_its_short_form_when_that_leaves_a_later_one_whole() {
        // Lesson 5's chart: an outage whole on the top row left the rebalancing at the right
        // edge room for neither side; with "1c outage" both read whole.
        let one = LabelSpace { rows: 1, ..SPACE };
        let markers = [(150.0, "us-east-1c outage"), (300.0, "AZ rebalanced")];
        let shorts = [Some("1c outage"), Some("rebalanced")];
        let greedy = place_in_order(&markers, &shorts, &one, &[]);
        assert_eq!(greedy[0].text, "us-east-1c outage");
        assert!(greedy[1].text.ends_with('…'), "{greedy:?}");
        let placed = place_labels_with_short(&markers, &shorts, &one, &[]);
        assert_eq!(placed[0].text, "1c outage");
        assert_eq!(placed[1].text, "rebalanced");
        assert!(placed[1].left && placed.iter().all(|p| p.abbreviated));
        assert_no_overlap(&placed, &one);
        assert_poles_cross_no_label(&markers, &placed);
        // When the second layout cuts as many, the first stays (whole labels where they fit):
        // here the later pole rises through the earlier label's row either way.
        let close = [(150.0, "us-east-1c outage"), (205.0, "AZ rebalanced")];
        let placed = place_labels_with_short(&close, &shorts, &one, &[]);
        assert_eq!(placed[0].text, "us-east-1c outage");
        assert_eq!(placed[1].text, "");
    }

    #[test]
    fn dense_markers_with_short_forms_never_overlap() {
        for n in [5usize, 12, 40, 100] {
            let labels: Vec<String> = (0..n).map(|i| "x".repeat(1 + (i * 7) % 29)).collect();
            let shorts: Vec<String> = labels.iter().map(|l| "y".repeat(l.len() / 3)).collect();
            let markers: Vec<(f64, &str)> = labels
                .iter()
                .enumerate()
                .map(|(i, l)| (((i * 137) % 320) as f64, l.as_str()))
                .collect();
            let shorts: Vec<Option<&str>> = shorts.iter().map(|s| Some(s.as_str())).collect();
            let placed = place_labels_with_short(&markers, &shorts, &SPACE, &[]);
            assert_eq!(placed.len(), n);
            assert_no_overlap(&placed, &SPACE);
            assert_poles_cross_no_label(&markers, &placed);
            for (p, (_, full)) in placed.iter().zip(&markers) {
                assert_eq!(p.abbreviated, p.text != *full, "{p:?}");
            }
        }
    }

    #[test]
    fn labels_keep_clear_of_the_target_lines_label() {
        // The target label fills the right end of row 0.
        let target: LabelBox = (240.0, 12.0, 318.0, 25.0);
        let placed = place_labels_avoiding(
            &[(250.0, "scale out 4→6"), (100.0, "scale out 2→4")],
            &SPACE,
            &[target],
        );
        assert_no_overlap(&placed, &SPACE);
        for p in placed.iter().filter(|p| !p.text.is_empty()) {
            assert!(!boxes_intersect(p.bounds, target), "{p:?}");
        }
        // The left marker keeps row 0; the right one moves below the target label.
        assert_eq!(placed[1].row, 0);
        assert_eq!(placed[0].row, 1);
    }

    #[test]
    fn abbreviation_keeps_a_prefix_and_an_ellipsis() {
        assert_eq!(abbreviate("terminate-instances", 6), "termi…");
        assert_eq!(abbreviate("drain", 6), "drain");
        assert_eq!(abbreviate("scale out", 7), "scale…");
    }
}
