//! The service's Cloud Map registry in Service settings: the DNS TTL of its records, which
//! lesson 15 can be solved with (before, only the Scenario JSON could set it). The document part
//! is `ecs_sim::discovery::form`; this only draws the field.

use super::apply::apply_to;
use super::fields::whole;
use super::locks::service_locked;
use crate::state::Playground;
use ecs_sim::discovery::form::{registry_ttl, set_dns_ttl};
use ecs_sim::discovery::resolve::MAX_DNS_TTL_SECONDS;
use leptos::prelude::*;
use serde_json::Value;

/// The service discovery section of a service form: shown when the service has a
/// `serviceRegistries` entry; refusals under the field.
#[component]
pub fn ServiceDiscovery(
    doc: Memo<Option<Value>>,
    service: StoredValue<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let ttl = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .and_then(|d| registry_ttl(d, &service.get_value()))
        })
    });
    let on_ttl = move |ev: leptos::ev::Event| match whole(&ev) {
        Some(n) if n <= MAX_DNS_TTL_SECONDS => {
            apply_to(pg, error, |d| set_dns_ttl(d, &service.get_value(), n))
        }
        _ => error.set(Some(format!(
            "DNS TTL must be a whole number of seconds from 0 to {MAX_DNS_TTL_SECONDS}."
        ))),
    };
    move || {
        ttl.get().map(|t| {
            view! {
                <fieldset class="group" data-testid="service-discovery" data-form-section="discovery"
                    disabled=service_locked(pg, doc, service, &["serviceRegistries"])>
                    <legend>"Service discovery: Cloud Map DNS"</legend>
                    <div class="form-row">
                        <label class="field" title="dnsTtlSeconds (serviceRegistries[0]; the Cloud Map service's DnsRecord TTL in AWS): how long a client keeps a DNS answer, so how long it may still call a task that has stopped (default 60)">
                            <span>"DNS TTL (s)"</span>
                            <input type="number" min="0" max=MAX_DNS_TTL_SECONDS.to_string() step="1" inputmode="numeric"
                                data-testid="dns-ttl"
                                prop:value=t.to_string() on:change=on_ttl />
                        </label>
                    </div>
                    <p class="hint">"Service Connect (a proxy that always knows the current tasks) is set in the Scenario JSON: serviceConnectConfiguration."</p>
                </fieldset>
            }
        })
    }
}
