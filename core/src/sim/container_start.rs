//! A PENDING task's containers starting in `dependsOn` order, once its images are pulled: the
//! engine gathers each container's times from the scenario's images, asks
//! [`container_order::plan`] when the last one starts, and waits, stops the task or leaves it
//! PENDING as the plan says. A task whose containers have no `dependsOn` starts them all at
//! once, as before.

use super::lifecycle::DEFAULT_START_SECONDS;
use super::log::LogKind;
use super::queue::Event;
use super::Sim;
use crate::task::container_order::{self, Container, StartPlan, Unmet};
use crate::task::{stopped_reason, ContainerExit, ExitReason, StartOrder, StopCode};
use crate::taskdef::container_dependency::DependencyCondition;
use crate::taskdef::ImageBehaviour;
use crate::time::Millis;

/// In the log line of a container that could not start: presenter mode lists these lines
/// ([`crate::view::presenter_events`]).
pub const COULD_NOT_START: &str = "could not start (CannotStartContainerError";
/// In the log line of a task held PENDING for good: presenter mode lists it too.
pub const STAYS_PENDING: &str = " stays PENDING: container ";

impl Sim {
    /// Whether task `t`'s containers have all started, so it may go on from PENDING. If not, what
    /// the start order needs is scheduled (the next step, or the task's stop) or logged (a wait
    /// for good), and the task stays PENDING.
    pub(crate) fn containers_started(&mut self, t: usize) -> bool {
        match self.tasks[t].start_order {
            StartOrder::Started => return true,
            StartOrder::Waits => return false,
            StartOrder::Fails => {
                self.start_order_stops(t);
                return false;
            }
            // The last container starts now; one that gave up is told now, when it has.
            StartOrder::Starting => {
                if let StartPlan::Starts {
                    gave_up: Some(g), ..
                } = self.start_plan(t)
                {
                    self.log_gave_up(t, g);
                }
                self.tasks[t].start_order = StartOrder::Started;
                return true;
            }
            StartOrder::Unplanned => {}
        }
        let td = &self.model.task_definitions[self.tasks[t].task_definition];
        if !td.needs.orders_starts() {
            self.tasks[t].start_order = StartOrder::Started;
            return true;
        }
        let plan = self.start_plan(t);
        self.follow_plan(t, plan)
    }

    /// Does what `plan` says for task `t`, whose images are pulled: whether it may go on now.
    fn follow_plan(&mut self, t: usize, plan: StartPlan) -> bool {
        match plan {
            StartPlan::Starts {
                after,
                last,
                gave_up,
            } => {
                if after == 0 {
                    if let Some(g) = gave_up {
                        self.log_gave_up(t, g);
                    }
                    self.tasks[t].start_order = StartOrder::Started;
                    return true;
                }
                if let Some((c, d, condition, at)) = last.filter(|l| l.3 > 0) {
                    let text = format!(
                        "Task {} is PENDING while its containers start in dependsOn order: the last, {}, starts {} s after the images are pulled, once {}.",
                        self.tasks[t].id,
                        self.container_name(t, c),
                        at.div_ceil(1000),
                        self.reaching(t, d, condition)
                    );
                    self.emit(LogKind::Task, self.tasks[t].service, text);
                }
                self.tasks[t].start_order = StartOrder::Starting;
                self.step_start_order(t, after);
                false
            }
            StartPlan::Fails {
                after,
                container,
                dependency,
                condition,
                ..
            } => {
                // Said as for a task that starts: what it waits for, not how that ends (the
                // walkthrough found worker, alone of the example's three, with no line here).
                let text = format!(
                    "Task {} is PENDING while its containers start in dependsOn order: {}.",
                    self.tasks[t].id,
                    self.waits_until(t, container, dependency, condition)
                );
                self.emit(LogKind::Task, self.tasks[t].service, text);
                self.tasks[t].start_order = StartOrder::Fails;
                self.step_start_order(t, after);
                false
            }
            StartPlan::EssentialExits { after, .. } => {
                self.tasks[t].start_order = StartOrder::Fails;
                self.step_start_order(t, after);
                false
            }
            StartPlan::Waits {
                container,
                dependency,
                condition,
            } => {
                self.tasks[t].start_order = StartOrder::Waits;
                let text = format!(
                    "Task {}{STAYS_PENDING}{}.",
                    self.tasks[t].id,
                    self.waits_for_good(t, container, dependency, condition)
                );
                self.emit(LogKind::Task, self.tasks[t].service, text);
                false
            }
        }
    }

    /// A non-essential container of task `t` that could not start: the task runs without it.
    fn log_gave_up(
        &mut self,
        t: usize,
        (c, d, condition, why): (usize, usize, DependencyCondition, Unmet),
    ) {
        let text = format!(
            "Container {} in task {} {COULD_NOT_START}): {}. It is not essential: the task runs without it.",
            self.container_name(t, c),
            self.tasks[t].id,
            self.unmet_words(t, d, condition, why)
        );
        self.emit(LogKind::Task, self.tasks[t].service, text);
    }

    /// Why PENDING task `t` has not gone on yet because of its containers' start order, for the
    /// task panel ("why is this task PENDING?"); `None` for any other task.
    pub fn start_order_wait(&self, t: usize) -> Option<String> {
        let task = self.tasks.get(t)?;
        if task.last_status != crate::task::TaskStatus::Pending {
            return None;
        }
        match (task.start_order, self.start_plan(t)) {
            (
                StartOrder::Starting,
                StartPlan::Starts {
                    last: Some((c, d, condition, at)),
                    ..
                },
            ) => Some(format!(
                "Its containers start in dependsOn order: {}, {} s after the images were pulled.",
                self.waits_until(t, c, d, condition),
                at.div_ceil(1000)
            )),
            // What it waits for now: the outcome (an exit code, a timeout) is the run's to tell
            // when it comes (it read "migrate exited with code 1" while migrate still ran).
            (
                StartOrder::Fails,
                StartPlan::Fails {
                    container,
                    dependency,
                    condition,
                    why,
                    ..
                },
            ) => Some(format!(
                "Its containers start in dependsOn order: {}{}.",
                self.waits_until(t, container, dependency, condition),
                match why {
                    Unmet::TimedOut(s) => format!(
                        " ({}'s startTimeout is {s} s)",
                        self.container_name(t, dependency)
                    ),
                    _ => String::new(),
                }
            )),
            (
                StartOrder::Waits,
                StartPlan::Waits {
                    container,
                    dependency,
                    condition,
                },
            ) => Some(format!(
                "Container {}: the task stays PENDING.",
                self.waits_for_good(t, container, dependency, condition)
            )),
            _ => None,
        }
    }

    /// The containers of task `t`, RUNNING now, whose health check had already passed while
    /// the task was PENDING: a database the app waited for with HEALTHY is healthy when the
    /// task starts, not one probe interval later (walkthrough: the task said HEALTHY 20 s after
    /// the app had started on the database's health). Empty for a task without dependsOn.
    pub(crate) fn healthy_at_running(&self, t: usize) -> Vec<usize> {
        let td = &self.model.task_definitions[self.tasks[t].task_definition];
        if !td.needs.orders_starts() {
            return Vec::new();
        }
        let Some(pulled) = self.tasks[t].pull_started_at.map(|p| p + self.pull_ms(t)) else {
            return Vec::new();
        };
        let since = self.now.saturating_sub(pulled);
        let containers = self.order_inputs(t);
        container_order::start_times(&containers)
            .into_iter()
            .zip(&containers)
            .enumerate()
            .filter(|(_, (start, c))| {
                matches!((start, c.healthy_after), (Some(at), Some(h)) if at + h <= since)
            })
            .map(|(c, _)| c)
            .collect()
    }

    /// When container `c` of task `t` started: with `dependsOn`, its own start in the order
    /// (from the images' pull), which may be well before the task went RUNNING; otherwise the
    /// task's start, as every container starts then. Its health check counts its start-up from
    /// here (ELB walkthrough 2026-12-06: a database the app waited for as HEALTHY was checked as
    /// if it had just started at RUNNING, failed twice and made the task UNHEALTHY for 10 s).
    pub(crate) fn container_started_at(&self, t: usize, c: usize) -> Millis {
        let task = &self.tasks[t];
        if let Some(at) = task.restarted_at(c) {
            // Its restartPolicy restarted the container then.
            return at;
        }
        let started = task.started_at.unwrap_or(self.now);
        let td = &self.model.task_definitions[task.task_definition];
        if !td.needs.orders_starts() {
            return started;
        }
        let Some(pulled) = task.pull_started_at.map(|p| p + self.pull_ms(t)) else {
            return started;
        };
        container_order::start_times(&self.order_inputs(t))
            .get(c)
            .copied()
            .flatten()
            .map_or(started, |at| (pulled + at).min(started))
    }

    /// The exit code describe-tasks gives each container of task `t` (which got past PENDING),
    /// in task definition order, when the start order has it stopped by now: a container that ran
    /// to its end before the task stopped (an init container `migrate` exiting 0, which its app
    /// waited for), or one that could not start (143, as an essential one that cannot start).
    /// `None` while it runs, and for every container of a task whose containers do not start in
    /// `dependsOn` order (their exits other than the one that stopped the task are not
    /// simulated). The walkthrough read an init container as RUNNING for the task's whole life.
    /// The start order is worked out once for all the containers.
    pub(crate) fn containers_exited_in_order(&self, t: usize) -> Vec<Option<i32>> {
        let task = &self.tasks[t];
        let td = &self.model.task_definitions[task.task_definition];
        let count = td.needs.containers.len();
        let pulled = task
            .pull_started_at
            .filter(|_| td.needs.orders_starts() && task.started_at.is_some())
            .map(|p| p + self.pull_ms(t));
        let Some(pulled) = pulled else {
            return vec![None; count];
        };
        let containers = self.order_inputs(t);
        let until = task.stopped_at.unwrap_or(self.now);
        container_order::start_times(&containers)
            .into_iter()
            .zip(&containers)
            .enumerate()
            .map(|(c, (start, me))| {
                if task.restarted_at(c).is_some() {
                    return None;
                }
                let Some(start) = start else {
                    return Some(container_order::COULD_NOT_START_EXIT_CODE);
                };
                let (runs, code) = me.exits.filter(|_| !me.essential)?;
                (pulled + start + runs <= until).then_some(code)
            })
            .collect()
    }

    /// Comes back to task `t` in `after` ms, when its start order has moved on.
    fn step_start_order(&mut self, t: usize, after: Millis) {
        let epoch = self.bump(t);
        self.queue
            .push(self.now + after, Event::TaskAdvance(t, epoch));
    }

    /// The moment an essential container could not start (or exited first): the task stops.
    fn start_order_stops(&mut self, t: usize) {
        let text = match self.start_plan(t) {
            StartPlan::Fails {
                container,
                dependency,
                condition,
                why,
                ..
            } => {
                self.tasks[t].exit = Some(ContainerExit::new(
                    container,
                    ExitReason::None,
                    container_order::COULD_NOT_START_EXIT_CODE,
                ));
                format!(
                    "Essential container {} in task {} {COULD_NOT_START}, exit code 143): {}.",
                    self.container_name(t, container),
                    self.tasks[t].id,
                    self.unmet_words(t, dependency, condition, why)
                )
            }
            StartPlan::EssentialExits {
                container, code, ..
            } => {
                self.tasks[t].containers_exited = true;
                self.tasks[t].exit = Some(ContainerExit::new(container, ExitReason::None, code));
                format!(
                    "Essential container {} in task {} exited with code {code} before the task's other containers started.",
                    self.container_name(t, container),
                    self.tasks[t].id
                )
            }
            // The images changed under the task (an image declared during the run): it does
            // what the new plan says from now on.
            plan @ (StartPlan::Starts { .. } | StartPlan::Waits { .. }) => {
                if self.follow_plan(t, plan) {
                    self.advance_task(t);
                }
                return;
            }
        };
        self.emit(LogKind::Task, self.tasks[t].service, text);
        self.stop_task(
            t,
            StopCode::EssentialContainerExited,
            stopped_reason::ESSENTIAL_CONTAINER_EXITED,
        );
    }

    /// The start plan of task `t`'s containers, from its task definition and the images.
    fn start_plan(&self, t: usize) -> StartPlan {
        container_order::plan(&self.order_inputs(t))
    }

    /// Task `t`'s containers as the start order reads them.
    fn order_inputs(&self, t: usize) -> Vec<Container<'_>> {
        let td = &self.model.task_definitions[self.tasks[t].task_definition];
        td.needs
            .containers
            .iter()
            .map(|c| {
                let image = self.model.images.get(&c.image).copied().unwrap_or_default();
                Container {
                    essential: c.essential,
                    depends_on: &c.depends_on,
                    start_timeout: c.start_timeout,
                    exits: image
                        .crash_after_seconds
                        .map(|s| (Millis::from(s) * 1000, image.exit_code.unwrap_or(1))),
                    healthy_after: c
                        .health_check
                        .and_then(|(interval, ..)| healthy_after(interval, &image)),
                }
            })
            .collect()
    }

    /// Container `c`'s name in task `t`'s definition.
    fn container_name(&self, t: usize, c: usize) -> String {
        self.model.task_definitions[self.tasks[t].task_definition]
            .needs
            .containers
            .get(c)
            .map_or_else(|| format!("#{c}"), |m| m.name.clone())
    }

    /// "migrate exits with code 0": container `d` of task `t` meeting `condition`.
    fn reaching(&self, t: usize, d: usize, condition: DependencyCondition) -> String {
        format!("{} {}", self.container_name(t, d), reaches(condition))
    }

    /// "app waits until migrate exits with code 0": the wait of container `c` of task `t`, as
    /// the log and the task panel say it.
    fn waits_until(&self, t: usize, c: usize, d: usize, condition: DependencyCondition) -> String {
        format!(
            "{} waits until {}",
            self.container_name(t, c),
            self.reaching(t, d, condition)
        )
    }

    /// A wait for good, with its cause, as the log and the task panel say it: "app waits until
    /// db passes its health check; db's image fails its health check (simulator), and no
    /// startTimeout on db ends the wait".
    fn waits_for_good(
        &self,
        t: usize,
        c: usize,
        d: usize,
        condition: DependencyCondition,
    ) -> String {
        format!(
            "{}; {}, and no startTimeout on {} ends the wait",
            self.waits_until(t, c, d, condition),
            self.never_words(t, d, condition),
            self.container_name(t, d)
        )
    }

    /// Why container `d` of task `t` never meets `condition` when nothing times out, from its
    /// image (the simulator's stand-in for its code), as a cause rather than a prediction.
    fn never_words(&self, t: usize, d: usize, condition: DependencyCondition) -> String {
        let name = self.container_name(t, d);
        match condition {
            DependencyCondition::Healthy => {
                format!("{name}'s image fails its health check (simulator)")
            }
            DependencyCondition::Complete | DependencyCondition::Success => {
                format!("{name}'s process runs on (its image sets no crashAfterSeconds)")
            }
            DependencyCondition::Start => format!("{name} waits itself"),
        }
    }

    /// Why `condition` on container `d` of task `t` is never met, in words.
    fn unmet_words(
        &self,
        t: usize,
        d: usize,
        condition: DependencyCondition,
        why: Unmet,
    ) -> String {
        let name = self.container_name(t, d);
        let needed = format!("it needed {name} to {}", reach(condition));
        match why {
            Unmet::TimedOut(s) => format!("{needed} within {name}'s startTimeout of {s} s"),
            Unmet::ExitedWith(code) if condition == DependencyCondition::Healthy => {
                format!("{needed}, but {name} exited with code {code} first")
            }
            Unmet::ExitedWith(code) => format!("{needed}, but {name} exited with code {code}"),
            Unmet::NeverStarts => format!("{needed}, but {name} could not start"),
        }
    }
}

/// When a container's health check first passes after it starts: the first probe (one
/// `interval` in) once the application is up (the image's `startSeconds`), as the engine probes
/// a RUNNING task's containers; `None` when the image's health check fails.
fn healthy_after(interval: u32, image: &ImageBehaviour) -> Option<Millis> {
    if image.health_check_fails {
        return None;
    }
    let interval = Millis::from(interval.max(1)) * 1000;
    let up = Millis::from(image.start_seconds.unwrap_or(DEFAULT_START_SECONDS)) * 1000;
    Some(up.div_ceil(interval).max(1) * interval)
}

/// "start", "exit", … : what a container must do to meet `condition`, after "to".
fn reach(condition: DependencyCondition) -> &'static str {
    match condition {
        DependencyCondition::Start => "start",
        DependencyCondition::Complete => "exit",
        DependencyCondition::Success => "exit with code 0",
        DependencyCondition::Healthy => "pass its health check",
    }
}

/// "starts", "exits", … : what a container must do to meet `condition`.
fn reaches(condition: DependencyCondition) -> &'static str {
    match condition {
        DependencyCondition::Start => "starts",
        DependencyCondition::Complete => "exits",
        DependencyCondition::Success => "exits with code 0",
        DependencyCondition::Healthy => "passes its health check",
    }
}
