//! `containerPortRange` (API PortMapping): the rules ECS lists for a range of container ports,
//! checked per container. The engine does not place by ranges (their host ports come from the
//! ephemeral range in `bridge` mode, or equal the container's in `awsvpc`); a range ECS would
//! refuse was accepted until 2026-12-06 (fidelity walkthrough).

use super::{container_path, Problem, TaskDefinition};
use crate::taskdef::network_mode::NetworkMode;
use crate::taskdef::port_mapping::Protocol;

/// API PortMapping: "You can specify a maximum of 100 port ranges per container."
pub const MAX_PORT_RANGES_PER_CONTAINER: usize = 100;

/// One container's ports, for the overlap rule: (protocol, first, last, path).
type Taken = Vec<(Protocol, i64, i64, String)>;

/// Every container's port ranges: the network mode, the range's form, no hostPort beside it, at
/// most 100, and no port in two mappings of one container.
pub(super) fn check(td: &TaskDefinition, out: &mut Vec<Problem>) {
    let mode = td.effective_network_mode();
    // `ports.rs` refuses every port mapping there already.
    if mode == NetworkMode::None {
        return;
    }
    for (i, c) in td.containers().iter().enumerate() {
        let Some(mappings) = c.port_mappings.as_ref() else {
            continue;
        };
        if mappings.iter().all(|pm| pm.container_port_range.is_none()) {
            continue;
        }
        let here = container_path(i);
        let mut taken: Taken = Vec::new();
        let mut ranges = 0;
        for (j, pm) in mappings.iter().enumerate() {
            let at = format!("{here}.portMappings[{j}]");
            let proto = pm.protocol_or_default();
            let Some(text) = pm.container_port_range.as_deref() else {
                if let Some(p) = pm.container_port.filter(|p| (1..=65535).contains(p)) {
                    taken.push((proto, p, p, format!("{at}.containerPort")));
                }
                continue;
            };
            ranges += 1;
            let path = format!("{at}.containerPortRange");
            if !matches!(mode, NetworkMode::Bridge | NetworkMode::Awsvpc) {
                out.push(Problem::new(
                    &path,
                    format!("containerPortRange needs networkMode bridge or awsvpc; this task definition's is {}.", mode.as_str()),
                ));
                continue;
            }
            if pm.host_port.is_some() {
                out.push(Problem::new(
                    format!("{at}.hostPort"),
                    "Leave hostPort out beside containerPortRange: ECS sets the host port range itself (the same ports in awsvpc mode, ephemeral ports in bridge mode).",
                ));
            }
            match parse_range(text) {
                Some((first, last)) => taken.push((proto, first, last, path)),
                None => out.push(Problem::new(
                    &path,
                    format!("Invalid containerPortRange \"{}\": write FIRST-LAST, two ports from 1 to 65535 with the first less than the last, such as \"8000-8010\".", text),
                )),
            }
        }
        if ranges > MAX_PORT_RANGES_PER_CONTAINER {
            out.push(Problem::new(
                format!("{here}.portMappings"),
                format!("{ranges} port ranges in one container; at most {MAX_PORT_RANGES_PER_CONTAINER} are allowed."),
            ));
        }
        overlaps(taken, out);
    }
}

/// "8000-8010" → (8000, 8010): two ports from 1 to 65535, the first less than the last.
pub fn parse_range(text: &str) -> Option<(i64, i64)> {
    let (a, b) = text.trim().split_once('-')?;
    let port = |s: &str| {
        let s = s.trim();
        (!s.is_empty() && s.len() <= 5 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<i64>().ok())
            .flatten()
            .filter(|p| (1..=65535).contains(p))
    };
    let (first, last) = (port(a)?, port(b)?);
    (first < last).then_some((first, last))
}

/// "A port can only be included in one port mapping per container. You cannot specify
/// overlapping port ranges." Per protocol, as the single-port duplicate rule (`ports.rs`).
/// Sorted by first port, each span checked against the furthest reach so far: O(n log n).
fn overlaps(mut taken: Taken, out: &mut Vec<Problem>) {
    crate::order::sort_by_key(&mut taken, |t| (t.0, t.1, t.2));
    let mut reach: Option<(Protocol, i64, String)> = None;
    for (proto, first, last, path) in taken {
        match &reach {
            Some((p, end, other)) if *p == proto && first <= *end => {
                let is_range = path.ends_with("containerPortRange");
                out.push(Problem::new(
                    &path,
                    format!(
                        "{} overlaps the ports of {other}: a port can be in only one port mapping of a container.",
                        if is_range { format!("Port range {first}-{last}/{}", proto.as_str()) } else { format!("Port {first}/{}", proto.as_str()) }
                    ),
                ));
                if last > *end {
                    reach = Some((proto, last, path));
                }
            }
            _ => reach = Some((proto, last, path)),
        }
    }
}
