//! The deployment panel's image choices: whether an image is one the scenario's `images` map
//! declares (and how it behaves), and the one-click "misbehaviours" a workshop can give the
//! image it deploys. Each misbehaviour is a plain [`ImageBehaviour`] the engine already
//! simulates (pull failure, crash, failing health check, ignored SIGTERM), so nothing here
//! invents engine behaviour.

use crate::taskdef::ImageBehaviour;
use std::collections::BTreeMap;

/// Seconds after start at which [`Misbehaviour::CrashesAfter`] makes the main process exit:
/// long enough to see the task RUNNING, short enough that the circuit breaker trips in minutes.
pub const CRASH_AFTER_SECONDS: u32 = 30;

/// One way the deployed image can be made to misbehave, in one click.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Misbehaviour {
    /// `pullFails`: CannotPullContainerError, the task never starts.
    FailsToPull,
    /// `crashAfterSeconds` = [`CRASH_AFTER_SECONDS`], exit code 1.
    CrashesAfter,
    /// `crashAfterSeconds` 0, exit code 1: the application exits as it starts (a missing
    /// setting, a bad entry point). The JSON could say it and the panel could not (engineer
    /// walkthrough, 2026-12-07).
    ExitsAtStart,
    /// `healthCheckFails`: container and load balancer health checks fail.
    FailsHealthCheck,
    /// `ignoresSigterm`: stopping waits for `stopTimeout`, then SIGKILL.
    IgnoresSigterm,
}

impl Misbehaviour {
    /// Every misbehaviour, in the order the panel offers them.
    pub const ALL: [Misbehaviour; 5] = [
        Misbehaviour::FailsToPull,
        Misbehaviour::ExitsAtStart,
        Misbehaviour::CrashesAfter,
        Misbehaviour::FailsHealthCheck,
        Misbehaviour::IgnoresSigterm,
    ];

    /// A stable key for a `<select>` value and test ids.
    pub fn key(self) -> &'static str {
        match self {
            Misbehaviour::FailsToPull => "pull-fails",
            Misbehaviour::CrashesAfter => "crashes",
            Misbehaviour::ExitsAtStart => "exits",
            Misbehaviour::FailsHealthCheck => "unhealthy",
            Misbehaviour::IgnoresSigterm => "ignores-sigterm",
        }
    }

    /// The misbehaviour a [`key`](Self::key) names; None for anything else (e.g. "").
    pub fn from_key(key: &str) -> Option<Misbehaviour> {
        Misbehaviour::ALL.into_iter().find(|m| m.key() == key)
    }

    /// What the panel shows for it.
    pub fn label(self) -> String {
        match self {
            Misbehaviour::FailsToPull => "fails to pull".to_string(),
            Misbehaviour::CrashesAfter => format!("crashes after {CRASH_AFTER_SECONDS} s"),
            Misbehaviour::ExitsAtStart => "exits as it starts".to_string(),
            Misbehaviour::FailsHealthCheck => "fails its health check".to_string(),
            Misbehaviour::IgnoresSigterm => "ignores SIGTERM".to_string(),
        }
    }

    /// The scenario `images` entry that makes an image behave this way.
    pub fn behaviour(self) -> ImageBehaviour {
        let mut b = ImageBehaviour::default();
        match self {
            Misbehaviour::FailsToPull => b.pull_fails = true,
            Misbehaviour::CrashesAfter => b.crash_after_seconds = Some(CRASH_AFTER_SECONDS),
            Misbehaviour::ExitsAtStart => b.crash_after_seconds = Some(0),
            Misbehaviour::FailsHealthCheck => b.health_check_fails = true,
            Misbehaviour::IgnoresSigterm => b.ignores_sigterm = true,
        }
        b
    }

    /// The image to register when the user picks this misbehaviour without typing a new image:
    /// the current image with a tag suffix naming the misbehaviour (`example/web:1` →
    /// `example/web:1-unhealthy`, `nginx` → `nginx:unhealthy`), so the running image keeps its
    /// own behaviour.
    pub fn derived_image(self, current: &str) -> String {
        let repo_start = current.rfind('/').map_or(0, |k| k + 1);
        if current[repo_start..].contains(':') {
            format!("{current}-{}", self.key())
        } else {
            format!("{current}:{}", self.key())
        }
    }
}

/// What the panel says about an image the user is about to deploy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageStatus {
    /// The scenario's `images` map declares it, with this behaviour.
    Declared(ImageBehaviour),
    /// Not declared: the simulator runs it with the defaults (pulls in 8 s, up 2 s later,
    /// never fails), so nobody should expect it to fail.
    AssumedHealthy,
}

/// Whether `image` is declared in the scenario's `images` map, and how it behaves.
pub fn image_status(images: &BTreeMap<String, ImageBehaviour>, image: &str) -> ImageStatus {
    match images.get(image) {
        Some(b) => ImageStatus::Declared(*b),
        None => ImageStatus::AssumedHealthy,
    }
}

/// The one line the panel shows beside the image field; None when there is nothing to say
/// (empty image).
pub fn image_note(
    images: &BTreeMap<String, ImageBehaviour>,
    image: &str,
    chosen: Option<Misbehaviour>,
) -> Option<String> {
    let image = image.trim();
    if let Some(m) = chosen {
        return Some(format!("will be declared live: {}", m.label()));
    }
    if image.is_empty() {
        return None;
    }
    Some(match image_status(images, image) {
        ImageStatus::AssumedHealthy => "assumed healthy: the scenario's images do not declare it, \
            so it pulls, starts and passes health checks"
            .to_string(),
        ImageStatus::Declared(b) => format!("declared in the scenario: {}", describe(&b)),
    })
}

/// [`image_note`] against the running simulation's `images` (the scenario's, plus any declared
/// live from the panel).
pub fn image_note_in(
    sim: &crate::sim::Sim,
    image: &str,
    chosen: Option<Misbehaviour>,
) -> Option<String> {
    image_note(&sim.model.images, image, chosen)
}

/// A short description of a declared behaviour, e.g. "fails its health check".
pub fn describe(b: &ImageBehaviour) -> String {
    let mut parts = Vec::new();
    if b.pull_fails {
        parts.push("fails to pull".to_string());
    }
    match b.crash_after_seconds {
        Some(0) => parts.push("exits as it starts".to_string()),
        Some(s) => parts.push(format!("crashes after {s} s")),
        None => {}
    }
    if b.health_check_fails {
        parts.push("fails its health check".to_string());
    }
    if b.ignores_sigterm {
        parts.push("ignores SIGTERM".to_string());
    }
    if parts.is_empty() {
        parts.push("healthy".to_string());
    }
    parts.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_misbehaviour_sets_exactly_its_engine_field() {
        assert!(Misbehaviour::FailsToPull.behaviour().pull_fails);
        assert_eq!(
            Misbehaviour::CrashesAfter.behaviour().crash_after_seconds,
            Some(30)
        );
        assert!(
            Misbehaviour::FailsHealthCheck
                .behaviour()
                .health_check_fails
        );
        assert!(Misbehaviour::IgnoresSigterm.behaviour().ignores_sigterm);
        assert_eq!(
            Misbehaviour::ExitsAtStart.behaviour().crash_after_seconds,
            Some(0)
        );
        for m in Misbehaviour::ALL {
            assert_ne!(m.behaviour(), ImageBehaviour::default(), "{m:?}");
            assert_eq!(describe(&m.behaviour()), m.label());
            assert_eq!(Misbehaviour::from_key(m.key()), Some(m));
        }
        assert_eq!(Misbehaviour::from_key(""), None);
    }

    #[test]
    fn derived_images_add_a_tag_suffix_and_keep_registry_ports() {
        let m = Misbehaviour::FailsHealthCheck;
        assert_eq!(m.derived_image("example/web:1"), "example/web:1-unhealthy");
        assert_eq!(m.derived_image("nginx"), "nginx:unhealthy");
        assert_eq!(
            m.derived_image("registry:5000/web"),
            "registry:5000/web:unhealthy"
        );
    }

    #[test]
    fn an_undeclared_image_is_assumed_healthy_and_a_declared_one_says_how_it_behaves() {
        let mut images = BTreeMap::new();
        images.insert(
            "example/web:2-missing".to_string(),
            Misbehaviour::FailsToPull.behaviour(),
        );
        assert_eq!(
            image_status(&images, "example/web:3"),
            ImageStatus::AssumedHealthy
        );
        assert!(image_note(&images, "example/web:3", None)
            .unwrap()
            .starts_with("assumed healthy"));
        assert_eq!(
            image_note(&images, "example/web:2-missing", None).unwrap(),
            "declared in the scenario: fails to pull"
        );
        assert_eq!(image_note(&images, "  ", None), None);
        assert!(
            image_note(&images, "example/web:3", Some(Misbehaviour::IgnoresSigterm))
                .unwrap()
                .contains("ignores SIGTERM")
        );
    }
}
