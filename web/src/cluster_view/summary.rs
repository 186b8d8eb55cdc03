//! One card per service: its colour, task definition and the desired / running / pending
//! counts DescribeServices reports (the sums of its deployments'), and, labelled as the
//! simulator's own, how many tasks it could not place, and whether Availability Zone
//! rebalancing is moving tasks. Under them, the tallies a workshop
//! counts aloud ([`ecs_sim::view::tallies`]): running (and pending) tasks by capacity provider,
//! by zone and, while a deployment runs two revisions, by revision. The strip ends with a
//! legend of the task lifecycle, each state drawn as its chip and explained by its [`Term`].

use crate::state::Playground;
use crate::term::Term;
use ecs_sim::view::tallies::{service_tallies, short_zone, ServiceTallies, TallyRow, NO_ZONE};
use ecs_sim::view::ServiceLookup;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The lifecycle states, in order, for the legend.
const LIFECYCLE: [&str; 8] = [
    "PROVISIONING",
    "PENDING",
    "ACTIVATING",
    "RUNNING",
    "DEACTIVATING",
    "STOPPING",
    "DEPROVISIONING",
    "STOPPED",
];

/// The strip of service cards at the top of the cluster pane.
#[component]
pub fn ServiceSummaries() -> impl IntoView {
    let pg = expect_context::<Playground>();
    let names = pg.service_names();
    // One pass over the snapshot's tasks for every card, and one over its services. The cards
    // follow `summaries_redraw`, not the snapshot itself, so the play loop redraws them in a
    // frame of their own (with 50 services they were half of a redraw at 2,000 tasks).
    let cards: Memo<BTreeMap<String, Card>> = Memo::new(move |_| {
        pg.summaries_redraw.track();
        pg.snapshot
            .with_untracked(|s| s.as_ref().map(all_cards).unwrap_or_default())
    });
    view! {
        <div class="services" role="list" aria-label="Services">
            <For each=move || names.get() key=|n| n.clone()
                children=move |name| view! { <ServiceCard name=name cards=cards names=names /> } />
            <LifecycleLegend />
        </div>
    }
}

/// Every service's card from one snapshot: its tallies in one pass over the tasks, colours
/// from one service lookup.
fn all_cards(s: &ecs_sim::sim::snapshot::Snapshot) -> BTreeMap<String, Card> {
    let mut tallies = service_tallies(s);
    let lookup = ServiceLookup::new(s);
    s.services
        .iter()
        .map(|v| {
            let card = Card {
                colour: lookup.colour(Some(&v.name)).unwrap_or(0) % 8,
                task_definition: v.task_definition.clone(),
                desired: v.desired_count,
                running: v.running_count,
                pending: v.pending_count,
                unplaced: v.unplaced_count,
                rebalancing: v.az_rebalancing,
                launch: ecs_sim::view::labels::launch_tooltip(v),
                strategy: v.launch_type.is_none(),
                items: v
                    .capacity_provider_strategy
                    .iter()
                    .map(|i| (i.capacity_provider.clone(), i.base, i.weight))
                    .collect(),
                tallies: tallies.remove(&v.name).unwrap_or_default(),
            };
            (v.name.clone(), card)
        })
        .collect()
}

/// The load balancer target states a chip's foot bar shows, with the legend's words.
const TARGET_STATES: [(&str, &str); 4] = [
    ("initial", "target: first checks"),
    ("healthy", "target healthy"),
    ("unhealthy", "target unhealthy"),
    ("draining", "target draining"),
];

/// The task lifecycle as a row of sample chips, each state a [`Term`], then the target health
/// bars.
#[component]
fn LifecycleLegend() -> impl IntoView {
    view! {
        // A disclosure, so it costs one small button of the strip until opened: the cluster
        // must still fit a 1280×720 screen without scrolling.
        <details class="lifecycle-legend" role="listitem" data-testid="lifecycle-legend">
            <summary title="What each chip style means">"Task lifecycle"</summary>
            <div class="legend-chips">
                {LIFECYCLE.iter().map(|s| view! {
                    <span class="task-chip legend-chip c-none" data-status=*s><Term word=s.to_string() /></span>
                }).collect_view()}
                // The bar along a chip's foot: its load balancer target's health.
                <span class="legend-break" aria-hidden="true"></span>
                // A service's older revisions: striped, then dotted (its colour stays).
                {[(1, "previous revision"), (2, "older revision")].into_iter().map(|(shade, words)| view! {
                    <span class=format!("task-chip legend-chip c0 shade{shade}") data-status="RUNNING"
                        data-testid="legend-revision">{words}</span>
                }).collect_view()}
                <span class="legend-break" aria-hidden="true"></span>
                {TARGET_STATES.iter().map(|(state, words)| view! {
                    <span class="task-chip legend-chip c-none" data-status="RUNNING" data-target=*state
                        data-testid="legend-target">{*words}
                        // A draining chip counts down its deregistration delay.
                        {(*state == "draining").then(|| view! { <span class="mark drain" title="the deregistration delay left">"m:ss"</span> })}
                    </span>
                }).collect_view()}
            </div>
        </details>
    }
}

/// What a service card shows; compared each tick so unchanged cards are left alone.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
struct Card {
    colour: usize,
    task_definition: String,
    desired: u32,
    running: u32,
    pending: u32,
    unplaced: u32,
    /// Availability Zone rebalancing is in progress.
    rebalancing: bool,
    launch: String,
    /// `true` when the service names a capacity provider strategy (not a launch type).
    strategy: bool,
    /// (provider, base, weight) of its strategy items.
    items: Vec<(String, u32, u32)>,
    tallies: ServiceTallies,
}

#[component]
fn ServiceCard(
    name: String,
    cards: Memo<BTreeMap<String, Card>>,
    names: Memo<Vec<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let key = name.clone();
    let card = Memo::new(move |_| cards.with(|c| c.get(&key).cloned()));
    let get =
        move |f: fn(&Card) -> String| move || card.with(|c| c.as_ref().map(f).unwrap_or_default());
    let unplaced = move || card.with(|c| c.as_ref().is_some_and(|c| c.unplaced > 0));
    let rebalancing = move || card.with(|c| c.as_ref().is_some_and(|c| c.rebalancing));
    let rows = move |f: fn(&ServiceTallies) -> &Vec<TallyRow>| {
        Signal::derive(move || {
            card.with(|c| {
                c.as_ref()
                    .map(|c| f(&c.tallies).clone())
                    .unwrap_or_default()
            })
        })
    };
    let providers = rows(|t| &t.by_capacity_provider);
    let zones = rows(|t| &t.by_zone);
    let revisions = rows(|t| &t.by_revision);
    let mixed = move || card.with(|c| c.as_ref().is_some_and(|c| c.tallies.mixed_revisions()));
    let strategy = move || card.with(|c| c.as_ref().is_some_and(|c| c.strategy));
    let item_of = move |label: &str| {
        card.with(|c| {
            c.as_ref()
                .and_then(|c| c.items.iter().find(|i| i.0 == label).map(|i| (i.1, i.2)))
        })
    };
    let data_service = name.clone();
    // Clicking a card selects its service in every panel (deployments, metrics, log, editor).
    let (pick, mine) = (name.clone(), name.clone());
    let selected = move || names.with(|n| n.get(pg.service.get()) == Some(&mine));
    view! {
        <div class="service-card" role="listitem" data-testid="service-summary" data-service=data_service
            class:selected=selected on:click=move |_| { pg.select_service_named(&pick); }
            title=get(|c| c.launch.clone())>
            <div class="svc-head">
                <span class=move || format!("swatch c{}", card.with(|c| c.as_ref().map_or(0, |c| c.colour)))
                    aria-hidden="true"></span>
                <span class="svc-name">{name}</span>
                <span class="svc-td" title="Task definition the service runs">{get(|c| c.task_definition.clone())}</span>
                <span class="counts">
                    <span title="desiredCount">"desired "<b>{get(|c| c.desired.to_string())}</b></span>
                    <span title="runningCount">"running "<b>{get(|c| c.running.to_string())}</b></span>
                    <span title="pendingCount: tasks in PROVISIONING, PENDING or ACTIVATING (the simulator counts all three)">"pending "<b>{get(|c| c.pending.to_string())}</b></span>
                    <Show when=unplaced>
                        <span class="warn" data-testid="unplaced-count"
                            title="The simulator's own count: tasks the scheduler could not place anywhere. ECS creates no task for them and reports only the event \"unable to place a task\".">
                            "not placed "<b>{get(|c| c.unplaced.to_string())}</b>"*"</span>
                    </Show>
                    <Show when=rebalancing>
                        <span class="rebalancing" data-testid="az-rebalancing"
                            title="Availability Zone rebalancing in progress: ECS starts tasks in the emptiest zone, waits until they are RUNNING and healthy, then stops as many in the fullest, so running can exceed desired for a while (DG service-rebalancing).">
                            "AZ rebalancing"</span>
                    </Show>
                </span>
            </div>
            <div class="tallies" data-testid="tallies">
                <div class="tally-line" data-kind="provider">
                    {move || if strategy() {
                        view! { <span class="tally-kind"><Term word="capacityProviderStrategy" text="providers".to_string() /></span> }.into_any()
                    } else {
                        view! { <span class="tally-kind">"launch type"</span> }.into_any()
                    }}
                    <TallyRows kind="provider" rows=providers item_of=item_of />
                </div>
                <div class="tally-line" data-kind="zone">
                    <span class="tally-kind">"zones"</span>
                    <TallyRows kind="zone" rows=zones item_of=|_: &str| None />
                    <Show when=move || zones.with(Vec::is_empty)>
                        // "none", not "none yet": after a zone outage took every task it read as
                        // a start still to come (instructor walkthrough, lesson 5).
                        <span class="tally-none" title="No task of this service is running or pending in a zone">"none"</span>
                    </Show>
                </div>
                <Show when=mixed>
                    <div class="tally-line revisions" data-kind="revision">
                        <span class="tally-kind">"revisions"</span>
                        <TallyRows kind="revision" rows=revisions item_of=|_: &str| None />
                    </div>
                </Show>
            </div>
        </div>
    }
}

/// One breakdown's rows, keyed by label so a count change updates the row in place.
#[component]
fn TallyRows<F>(kind: &'static str, rows: Signal<Vec<TallyRow>>, item_of: F) -> impl IntoView
where
    F: Fn(&str) -> Option<(u32, u32)> + Copy + Send + Sync + 'static,
{
    let labels = move || rows.with(|r| r.iter().map(|r| r.label.clone()).collect::<Vec<_>>());
    view! {
        <For each=labels key=|l| l.clone() children=move |label| {
            let l = label.clone();
            let row = Memo::new(move |_| rows.with(|r| r.iter().find(|r| r.label == l).cloned()).unwrap_or_default());
            let num = move |f: fn(&TallyRow) -> String| move || row.with(f);
            let share = move || row.with(|r| r.target.filter(|&t| t != r.running).map(|t| format!("/{t}")));
            let pending = move || row.with(|r| (r.pending > 0).then(|| format!("+{}", r.pending)));
            let lbl = label.clone();
            let item = move || item_of(&lbl);
            let unzoned = kind == "zone" && label == NO_ZONE;
            view! {
                <span class="tally" data-testid="tally" data-kind=kind data-label=label.clone()
                    data-running=num(|r| r.running.to_string()) data-pending=num(|r| r.pending.to_string())>
                    {match kind {
                        "provider" => view! { <Term word=label.clone() /> }.into_any(),
                        "zone" if label == NO_ZONE => view! {
                            <span class="tally-label" title="Tasks not placed on an instance yet (PROVISIONING, waiting for capacity): a task has no Availability Zone until it is placed">{label.clone()}</span>
                        }.into_any(),
                        // The lane headers carry the full name; `1a` is enough to match them.
                        "zone" => view! { <span class="tally-label" title=label.clone()>{short_zone(&label).to_string()}</span> }.into_any(),
                        _ => view! { <span class="tally-label">{label.clone()}</span> }.into_any(),
                    }}
                    " "
                    // Tasks with no zone are never running: "no zone yet +4", not "0 +4" (lesson
                    // 13's end state read "no zone yet 0 +4", presenter walkthrough, 2026-12-07).
                    <Show when=move || !(unzoned && row.with(|r| r.running == 0))>
                        <b class="tally-num" title=num(TallyRow::describe)>{num(|r| r.running.to_string())}{share}</b>
                    </Show>
                    {move || pending().map(|p| view! { <span class="tally-pending" title="pending">{p}</span> })}
                    {move || item().map(|(b, w)| view! {
                        <span class="tally-item">
                            {(b > 0).then(|| view! { <Term word="base" />" "{b}" " })}
                            <Term word="weight" />" "{w}
                        </span>
                    })}
                </span>
            }
        } />
    }
}
