//! The documentation's complete scenario example is the scenario the playground opens with,
//! and it is valid.

#[test]
fn scenario_format_doc_shows_the_default_scenario_verbatim() {
    let doc = include_str!("../../docs/scenario-format.md");
    assert!(doc.contains(ecs_sim::scenario::DEFAULT_SCENARIO_JSON.trim()));
    assert!(ecs_sim::Sim::from_json(ecs_sim::scenario::DEFAULT_SCENARIO_JSON).is_ok());
}

#[test]
fn scenario_format_doc_deployment_controller_matches_what_resolve_accepts() {
    // API DeploymentController type: ECS, CODE_DEPLOY or EXTERNAL. The simulator accepts
    // CODE_DEPLOY (with its codeDeploy key) and refuses EXTERNAL; the doc must say the same.
    let doc = include_str!("../../docs/scenario-format.md");
    assert!(!doc.contains("`CODE_DEPLOY` and `EXTERNAL` are refused"));
    assert!(doc.contains("`EXTERNAL` is refused"));
    let base = ecs_sim::scenario::DEFAULT_SCENARIO_JSON;
    let mut v: serde_json::Value = serde_json::from_str(base).expect("json");
    let svc = &mut v["services"][0];
    svc["deploymentController"] = serde_json::json!({ "type": "EXTERNAL" });
    assert!(ecs_sim::Sim::from_json(&v.to_string()).is_err());
}

#[test]
fn code_deploy_docs_say_the_simulator_shows_ecs_native_lifecycle_stage_names() {
    // CodeDeploy's ECS lifecycle events (BeforeInstall … AfterAllowTraffic) are not what the
    // simulator shows for CODE_DEPLOY deployments; both documents must say so.
    for doc in [
        include_str!("../../docs/scenario-format.md"),
        include_str!("../../README.md"),
    ] {
        assert!(doc.contains("ECS-native `lifecycleStage`"));
        assert!(doc.contains("AfterAllowTraffic"));
    }
}

#[test]
fn challenge_format_doc_shows_lesson_one_verbatim_and_it_self_tests() {
    let doc = include_str!("../../docs/challenge-format.md");
    let lesson = ecs_sim::challenge::course::lesson("fargate-task-size").expect("lesson 1");
    assert!(doc.contains(lesson.json.trim()));
    let c = ecs_sim::challenge::Challenge::parse(lesson.json).expect("loads");
    assert!(!ecs_sim::challenge::check(&c, &c.start_text()).passed);
    let solution = ecs_sim::form::to_text(&c.solution().expect("a solution"));
    assert!(ecs_sim::challenge::check(&c, &solution).passed);
}

#[test]
fn cli_doc_grading_example_shows_the_code_lesson_one_solved_with_one_gb_earns() {
    // docs/cli.md's workshop example (and the e2e lesson test) show this code for lesson 1's
    // start with "memory": "1024": it is recomputed here so the page, the CLI and the docs agree.
    let lesson = ecs_sim::challenge::course::lesson("fargate-task-size").expect("lesson 1");
    let c = ecs_sim::challenge::Challenge::parse(lesson.json).expect("loads");
    let mut s = c.doc.scenario.clone();
    s["taskDefinitions"][0]["memory"] = serde_json::json!("1024");
    let r = ecs_sim::challenge::check(&c, &s.to_string());
    let code = r.completion_code.expect("passes");
    assert_eq!(code, "ECS-S0WFP-0VHTC");
    assert!(
        include_str!("../../docs/cli.md").contains(&format!("alice.json    2/2  PASS    {code}"))
    );
}
