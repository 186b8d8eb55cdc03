//! One finding of the Advice tab: kind, rule ID, title and message; why and how to fix it
//! behind a disclosure; the AWS page it cites; for a proven one, its log line; a dismiss (or
//! show-again) button.

use super::AdviceState;
use ecs_sim::time::clock;
use ecs_sim::view::advice_panel::{Kind, PanelItem};
use leptos::prelude::*;

/// One finding.
#[component]
pub fn AdviceItem(item: PanelItem, dismissed: bool) -> impl IntoView {
    let advice = expect_context::<AdviceState>();
    let kind = match item.kind {
        Kind::Did => "did",
        Kind::May => "may",
    };
    let note = RwSignal::new(None::<&'static str>);
    let key = StoredValue::new(item.key.clone());
    let evidence = item.evidence.map(|e| {
        let number = e.log_index;
        view! {
            <button type="button" class="advice-log-link" data-testid="advice-log-link"
                title="Show this event in the event log"
                on:click=move |_| note.set(advice.reveal(number).err())>
                {format!("Show in log: event #{number} at {}", clock(e.at))}
                {(e.count > 1).then(|| format!(" ({} times)", e.count))}
            </button>
        }
    });
    let source = (!item.source_url.is_empty()).then(|| {
        view! {
            <a class="advice-source" data-testid="advice-source" href=item.source_url.clone()
                target="_blank" rel="noopener noreferrer">"AWS documentation ↗"</a>
        }
    });
    view! {
        <li class=format!("advice-item {kind}") data-testid="advice-item" data-kind=kind data-rule=item.rule>
            <div class="advice-head">
                <span class=format!("advice-kind {kind}")>{kind}</span>
                <code class="advice-rule">{item.rule}</code>
                <span class="advice-title">{item.title}</span>
                <button type="button" class="advice-dismiss"
                    data-testid=if dismissed { "advice-restore" } else { "advice-dismiss" }
                    title=if dismissed { "Show this again" } else { "Dismiss for this scenario (remembered in this browser)" }
                    on:click=move |_| advice.set_dismissed(&key.get_value(), !dismissed)>
                    {if dismissed { "Show again" } else { "Dismiss" }}
                </button>
            </div>
            <p class="advice-message">{item.message.clone()}</p>
            <div class="advice-where">
                <code class="advice-path" title="JSON path in the scenario">{item.path.clone()}</code>
                {evidence}
                {source}
                {item.security_hub.map(|c| view! { <span class="advice-hub">{format!("Security Hub {c}")}</span> })}
            </div>
            {move || note.get().map(|n| view! { <p class="advice-log-note" data-testid="advice-log-note" role="status">{n}</p> })}
            <details class="advice-details">
                <summary>"Why, and how to fix it"</summary>
                <p><strong>"Why: "</strong>{item.why}</p>
                <p><strong>"Fix: "</strong>{item.fix}</p>
            </details>
        </li>
    }
}
