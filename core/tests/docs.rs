//! The documentation's complete scenario example is the scenario the playground opens with,
//! and it is valid.

#[test]
fn scenario_format_doc_shows_the_default_scenario_verbatim() {
    let doc = include_str!("../../docs/scenario-format.md");
    assert!(doc.contains(ecs_sim::scenario::DEFAULT_SCENARIO_JSON.trim()));
    assert!(ecs_sim::Sim::from_json(ecs_sim::scenario::DEFAULT_SCENARIO_JSON).is_ok());
}
