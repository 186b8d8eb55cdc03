//! The few words a chart draws beside an action's marker. An action's log line is written for
//! the event log ("update-service worker: desiredCount 3."); on a chart a third of a projector
//! wide, lesson 4's three markers in its last three minutes were cut to "update-s…" and
//! "Spot…" (student walkthrough, 2026-12-06). The chart draws these words instead and keeps the
//! whole line for its hover title and text alternative; a line of any other shape is drawn as
//! it is, with its IDs shortened as the event log draws them.

use super::log_ids::{log_pieces, LogPiece};

/// The label a chart draws for the marker whose full text is `full`.
pub fn marker_words(full: &str) -> String {
    words(full).unwrap_or_else(|| short_ids(full))
}

/// The short form of a known action line, or `None` for any other line. Only the IDs in it are
/// shortened, never a name (a service may be named like an instance ID: review, 2026-12-06).
fn words(full: &str) -> Option<String> {
    let full = full.trim_end_matches('.');
    if let Some(rest) = full.strip_prefix("update-service ") {
        let (service, given) = rest.split_once(": ")?;
        let parts: Vec<String> = given.split(", ").map(update_part).collect();
        let parts = parts.join(", ");
        // "worker: desired 3", and "web → web:2" for a new revision.
        let colon = if parts.starts_with('→') { "" } else { ":" };
        return Some(format!("{service}{colon} {parts}"));
    }
    if let Some(rest) = full.strip_prefix("codedeploy create-deployment for ") {
        // "… AppSpec TaskDefinition web:2; update-service web: desiredCount 4".
        let (service, rest) = rest.split_once(": AppSpec TaskDefinition ")?;
        let td = rest.split(';').next()?;
        return Some(format!("{service} blue/green → {td}"));
    }
    if let Some(rest) = full.strip_prefix("Availability Zone ") {
        if let Some(zone) = rest.strip_suffix(" outage begins") {
            return Some(format!("{zone} outage"));
        }
        return rest
            .strip_suffix(" recovered")
            .map(|zone| format!("{zone} recovered"));
    }
    if let Some(rest) = full.strip_prefix("Traffic spike: (service ") {
        let (service, rest) = rest.split_once(") receives ")?;
        let percent = rest.split(' ').next()?;
        // "×4" for 400%: shorter, and how a room says it ("shop traffic 40…" was cut on the
        // projector, instructor walkthrough).
        let times = percent
            .strip_suffix('%')
            .and_then(|p| p.parse::<u32>().ok())
            .filter(|p| p % 100 == 0 && *p > 0)
            .map(|p| format!("×{}", p / 100));
        return Some(format!(
            "{service} traffic {}",
            times.as_deref().unwrap_or(percent)
        ));
    }
    if let Some(rest) = full.strip_prefix("hang-task ") {
        return rest
            .split(' ')
            .next()
            .map(|id| format!("hang-task {}", short_ids(id)));
    }
    if let Some(id) = full.strip_prefix("terminate-instances ") {
        return Some(format!("terminate {}", short_ids(id)));
    }
    if let Some(rest) = full.strip_prefix("update-container-instances-state ") {
        return rest
            .strip_suffix(" DRAINING")
            .map(|id| format!("drain {}", short_ids(id)));
    }
    if let Some(rest) = full.strip_prefix("run-task --task-definition ") {
        let (family, count) = rest.split_once(" --count ")?;
        return Some(format!("run-task {family} ×{count}"));
    }
    if let Some(rest) = full.strip_prefix("RunTask ") {
        return rest
            .split_once(" failed: ")
            .map(|(family, _)| format!("run-task {family} failed"));
    }
    if let Some(rest) =
        full.strip_prefix("register-task-definition: taskDefinitionArn task-definition/")
    {
        return rest
            .split(' ')
            .next()
            .map(|name| format!("register {name}"));
    }
    if let Some(rest) = full.strip_prefix("register-container-instance: ") {
        return rest
            .split(' ')
            .next()
            .map(|id| format!("new instance {}", short_ids(id)));
    }
    if let Some(rest) = full.strip_prefix("set-desired-capacity --auto-scaling-group-name ") {
        let (group, desired) = rest.split_once(" --desired-capacity ")?;
        return Some(format!("group {group}: desired {desired}"));
    }
    if let Some(rest) = full.strip_prefix("images[") {
        // images["example/web:2"]: {…} (declared live from the deployment panel).
        let (image, _) = rest.split_once("]: ")?;
        return Some(format!("image {} declared", image.trim_matches('"')));
    }
    None
}

/// A tighter wording of the drawn label `label` (from [`marker_words`] or an engine marker),
/// for a chart with no room for all of it: the owner's name dropped ("worker: desired 12" →
/// "desired 12"), an ID dropped ("terminate i-043e20e8…" → "terminate"), a shorter word
/// ("instances 3→4" → "inst. 3→4", "deployment completed" → "deployed"). The chart keeps the
/// whole line for the hover title. `None` when there is no shorter wording.
pub fn marker_short(label: &str) -> Option<String> {
    let short = tighter(label)?;
    (!short.is_empty() && short.chars().count() < label.chars().count()).then_some(short)
}

/// The rules of [`marker_short`], before the check that the result is shorter.
fn tighter(label: &str) -> Option<String> {
    if let Some((_, rest)) = label.split_once(": ") {
        return Some(rest.to_string());
    }
    let fixed = match label {
        "deployment completed" => Some("deployed"),
        "deployment failed" => Some("deploy failed"),
        "failed → rolled back" => Some("rolled back"),
        "failed → rollback" => Some("rollback"),
        "Spot interruption" => Some("Spot"),
        "rebalancing stopped" => Some("rebal. stopped"),
        "AZ rebalancing" => Some("rebalancing"),
        "AZ balanced" => Some("balanced"),
        // What the move ended in; "rebalanced" was two characters too long for lesson 5's
        // presenter chart, where the marker sits 0:03 before its right edge.
        "AZ rebalanced" => Some("balanced"),
        _ => None,
    };
    if let Some(fixed) = fixed {
        return Some(fixed.to_string());
    }
    // "us-east-1c outage" → "1c outage", as the service cards write a zone (lesson 5's
    // chart cut "us-east-1c recovered" to "us-east-1c re…").
    for what in [" outage", " recovered"] {
        if let Some(zone) = label.strip_suffix(what) {
            let short = super::tallies::short_zone(zone);
            if short != zone {
                return Some(format!("{short}{what}"));
            }
        }
    }
    if let Some(path) = label.strip_prefix("scale out ") {
        return Some(format!("out {path}"));
    }
    if let Some(path) = label.strip_prefix("scale in ") {
        return Some(format!("in {path}"));
    }
    // "instances 3→4", or "spot instances 3→4" when the scenario has several groups.
    if let Some((_, path)) = label
        .strip_prefix("instances ")
        .map(|p| ("", p))
        .or_else(|| label.split_once(" instances "))
    {
        return Some(format!("inst. {path}"));
    }
    // "web → web:2", "web blue/green → web:2", "web traffic ×3": the service's name dropped.
    if let Some((service, rest)) = label.split_once(' ') {
        if !service.is_empty()
            && (rest.starts_with("→ ")
                || rest.starts_with("blue/green → ")
                || rest.starts_with("traffic "))
        {
            return Some(rest.to_string());
        }
    }
    // "terminate i-043e20e8…", "new instance i-043e20e8…": the shortened ID dropped.
    let (words, last) = label.rsplit_once(' ')?;
    last.ends_with('…').then(|| words.to_string())
}

/// One thing an UpdateService call gave, in chart words: "desired 3", "→ web:2", "force new
/// deployment".
fn update_part(part: &str) -> String {
    if let Some(n) = part.strip_prefix("desiredCount ") {
        // "desiredCount 3 ignored (a DAEMON service …)" → "desired 3 ignored".
        return match n.split_once(" (") {
            Some((n, _)) => format!("desired {n}"),
            None => format!("desired {n}"),
        };
    }
    if let Some(td) = part.strip_prefix("taskDefinition ") {
        return format!("→ {}", td.trim_end_matches(" (unchanged)"));
    }
    if part == "forceNewDeployment" {
        return "force new deployment".to_string();
    }
    part.to_string()
}

/// `text` with each task and instance ID cut to the eight characters the event log draws.
fn short_ids(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for piece in log_pieces(text) {
        match piece {
            LogPiece::Text(t) => out.push_str(t),
            LogPiece::Id { shown, .. } => {
                out.push_str(shown);
                out.push('…');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{marker_short, marker_words};

    #[test]
    fn each_drawn_label_has_a_tighter_wording_or_none() {
        let cases = [
            ("worker: desired 12", Some("desired 12")),
            ("group asg: desired 4", Some("desired 4")),
            ("agent: desired 4 ignored", Some("desired 4 ignored")),
            (
                "web → web:2, force new deployment",
                Some("→ web:2, force new deployment"),
            ),
            ("web blue/green → web:2", Some("blue/green → web:2")),
            ("web traffic ×3", Some("traffic ×3")),
            ("instances 3→4", Some("inst. 3→4")),
            ("spot instances 2→3→4", Some("inst. 2→3→4")),
            ("scale out 2→4→8", Some("out 2→4→8")),
            ("scale in 8→4", Some("in 8→4")),
            ("deployment completed", Some("deployed")),
            ("deployment failed", Some("deploy failed")),
            ("failed → rolled back", Some("rolled back")),
            ("failed → rollback", Some("rollback")),
            ("Spot interruption", Some("Spot")),
            ("rebalancing stopped", Some("rebal. stopped")),
            ("terminate i-043e20e8…", Some("terminate")),
            ("new instance i-043e20e8…", Some("new instance")),
            ("stop-task 4bc8c2de…", Some("stop-task")),
            ("us-east-1a outage", Some("1a outage")),
            ("us-east-1c recovered", Some("1c recovered")),
            ("AZ rebalancing", Some("rebalancing")),
            ("AZ balanced", Some("balanced")),
            ("AZ rebalanced", Some("balanced")),
            // Nothing shorter to say.
            ("deployment", None),
            ("Spot ×3", None),
            ("run-task batch:1 ×5", None),
            ("", None),
        ];
        for (label, short) in cases {
            assert_eq!(marker_short(label).as_deref(), short, "{label}");
        }
    }

    // Each line as the engine logs it (sim/commands.rs, traffic.rs, register.rs, capacity.rs,
    // scheduler/run_task.rs).
    #[test]
    fn known_action_lines_are_drawn_in_a_few_words() {
        let cases = [
            ("update-service worker: desiredCount 3.", "worker: desired 3"),
            (
                "update-service web: taskDefinition web:2, forceNewDeployment.",
                "web → web:2, force new deployment",
            ),
            (
                "update-service web: taskDefinition web:1 (unchanged).",
                "web → web:1",
            ),
            (
                "update-service agent: desiredCount 4 ignored (a DAEMON service runs one task on each container instance).",
                "agent: desired 4 ignored",
            ),
            (
                "codedeploy create-deployment for web: AppSpec TaskDefinition web:2; update-service web: desiredCount 4.",
                "web blue/green → web:2",
            ),
            ("Availability Zone us-east-1a outage begins.", "us-east-1a outage"),
            ("Availability Zone us-east-1a recovered.", "us-east-1a recovered"),
            (
                "Traffic spike: (service web) receives 300% of its request rate for 120 s.",
                "web traffic ×3",
            ),
            (
                "Traffic spike: (service web) receives 250% of its request rate for 120 s.",
                "web traffic 250%",
            ),
            (
                "hang-task 4bc8c2de585ed7b2d813afa87763fcbf (simulator): its application stops answering; its health checks fail from now on, its process keeps running.",
                "hang-task 4bc8c2de…",
            ),
            ("terminate-instances i-043e20e835f3a0298", "terminate i-043e20e8…"),
            (
                "update-container-instances-state i-043e20e835f3a0298 DRAINING",
                "drain i-043e20e8…",
            ),
            ("run-task --task-definition batch:1 --count 5", "run-task batch:1 ×5"),
            (
                "RunTask batch:1 failed: RESOURCE:MEMORY",
                "run-task batch:1 failed",
            ),
            (
                "register-task-definition: taskDefinitionArn task-definition/web:2 (containers app=web:v2).",
                "register web:2",
            ),
            (
                "register-container-instance: i-043e20e835f3a0298 (m5.large, us-east-1a) in cluster default.",
                "new instance i-043e20e8…",
            ),
            (
                "set-desired-capacity --auto-scaling-group-name asg --desired-capacity 4",
                "group asg: desired 4",
            ),
            (
                "images[\"example/web:2\"]: {\"crashAfterSeconds\":20} (declared live from the deployment panel).",
                "image example/web:2 declared",
            ),
        ];
        for (full, short) in cases {
            assert_eq!(marker_words(full), short, "{full}");
        }
    }

    #[test]
    fn a_name_shaped_like_an_id_is_kept_whole() {
        // A service may be named like an instance ID; only the IDs in a line are shortened.
        assert_eq!(
            marker_words("update-service i-043e20e835f3a0298: desiredCount 3."),
            "i-043e20e835f3a0298: desired 3"
        );
    }

    #[test]
    fn other_lines_keep_their_words_with_short_ids() {
        assert_eq!(
            marker_words("stop-task 4bc8c2de585ed7b2d813afa87763fcbf"),
            "stop-task 4bc8c2de…"
        );
        assert_eq!(marker_words("scale out 2→4"), "scale out 2→4");
        assert_eq!(marker_words("Spot interruption"), "Spot interruption");
        // A line that starts like a known one but is cut (the page keeps 80 characters of it)
        // is drawn as it is.
        assert_eq!(
            marker_words("update-service worker"),
            "update-service worker"
        );
        assert_eq!(marker_words(""), "");
    }
}
