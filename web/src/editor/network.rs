//! The service form's awsvpc network settings (`networkConfiguration.awsvpcConfiguration`): the
//! scenario's subnets to tick, security groups, and whether tasks get a public IP.

use super::apply::apply_to;
use super::locks::service_locked;
use crate::state::Playground;
use ecs_sim::service::network_form::{
    awsvpc_form, parse_security_groups, scenario_subnets, set_awsvpc_configuration, AwsvpcForm,
};
use leptos::prelude::*;
use serde_json::Value;

/// One change to the form's values (refused with a message, or applied).
type Change = Box<dyn FnOnce(&mut AwsvpcForm) -> Result<(), String>>;

/// The network section of a service form.
#[component]
pub fn Network(
    doc: Memo<Option<Value>>,
    service: StoredValue<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let pg = expect_context::<Playground>();
    let form = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| awsvpc_form(d, &service.get_value()))
                .unwrap_or_default()
        })
    });
    let subnets =
        Memo::new(move |_| doc.with(|d| d.as_ref().map(scenario_subnets).unwrap_or_default()));
    let on_instances = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref().is_some_and(|d| {
                ecs_sim::cluster::form::providers::service_on_instances(d, &service.get_value())
            })
        })
    });
    // Writes the form with one change; an unticked last subnet or a bad group is refused.
    let write = move |change: Change| {
        // Without a configuration the boxes show unticked, and a tick writes just that subnet.
        let mut f = form.get_untracked();
        if let Err(e) = change(&mut f) {
            error.set(Some(e));
            return;
        }
        let name = service.get_value();
        apply_to(pg, error, move |d| {
            set_awsvpc_configuration(d, &name, &f.subnets, &f.security_groups, f.assign_public_ip)
        });
    };
    view! {
        <fieldset class="group" data-testid="awsvpc" disabled=service_locked(pg, doc, service, &["networkConfiguration"])>
            <legend>"Network (awsvpc)"</legend>
            <p class="hint">{move || if form.with(|f| f.present) {
                "networkConfiguration.awsvpcConfiguration: the subnets decide the zones of the service's awsvpc tasks."
            } else {
                "No networkConfiguration: needed for awsvpc tasks (every Fargate task). Ticking a subnet writes one."
            }}</p>
            <div class="subnets" role="group" aria-label="Subnets">
                {move || subnets.get().into_iter().map(|(id, zone)| {
                    let checked = { let id = id.clone(); move || form.with(|f| f.subnets.contains(&id)) };
                    let toggle = id.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" data-testid=format!("subnet-{id}") prop:checked=checked
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    let s = toggle.clone();
                                    write(Box::new(move |f| {
                                        f.subnets.retain(|x| *x != s);
                                        if on { f.subnets.push(s); }
                                        Ok(())
                                    }));
                                } />
                            {format!("{id} ({zone})")}
                        </label>
                    }
                }).collect_view()}
            </div>
            <div class="form-row">
                <label class="field">
                    <span>"Security groups"</span>
                    <input type="text" data-testid="security-groups" placeholder="sg-0123456789abcdef0"
                        prop:value=move || form.with(|f| f.security_groups.join(", "))
                        on:change=move |ev| {
                            let typed = event_target_value(&ev);
                            write(Box::new(move |f| { f.security_groups = parse_security_groups(&typed)?; Ok(()) }));
                        } />
                </label>
                // Offered to Fargate services only: ticked on EC2 it made the scenario invalid
                // ("Assign public IP is not supported for this launch type", walkthrough). A
                // tick already there can still be taken off.
                <label class="check" title=move || on_instances.get().then_some("Tasks on EC2 instances get no public IP: ECS supports assignPublicIp ENABLED on Fargate only")>
                    <input type="checkbox" data-testid="assign-public-ip" prop:checked=move || form.with(|f| f.assign_public_ip)
                        disabled=move || on_instances.get() && !form.with(|f| f.assign_public_ip)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            write(Box::new(move |f| { f.assign_public_ip = on; Ok(()) }));
                        } />
                    {move || if on_instances.get() { "Assign a public IP (Fargate only)" } else { "Assign a public IP (assignPublicIp ENABLED)" }}
                </label>
            </div>
        </fieldset>
    }
}
