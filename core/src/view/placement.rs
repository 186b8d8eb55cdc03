//! A service's task placement as the page shows it: its placement strategies (binpack, spread,
//! random, in order, the service default applied) and constraints (distinctInstance, memberOf),
//! each a glossary word plus the field or expression it takes. Fargate services have none:
//! "Task placement strategies and constraints aren't supported" there (DG
//! task-placement.html), so the view says Fargate places the task itself.

use crate::placement::{Constraint, SpreadField, Strategy};
use crate::scenario::model::Model;

/// One strategy or constraint: its ECS `type` (a glossary word) and what it applies to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlacementItem {
    /// `binpack`, `spread`, `random`, `distinctInstance` or `memberOf`.
    pub word: &'static str,
    /// The strategy's `field` (`memory`, `attribute:ecs.availability-zone`, `instanceId`) or
    /// the constraint's `expression`; None for `random` and `distinctInstance`.
    pub detail: Option<String>,
}

/// How a service's tasks are placed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PlacementView {
    /// The service runs on Fargate: no strategies or constraints apply.
    pub fargate: bool,
    /// Placement strategies in the order ECS applies them.
    pub strategies: Vec<PlacementItem>,
    /// Placement constraints (all must hold): the service's, then its task definition's.
    pub constraints: Vec<PlacementItem>,
}

impl PlacementView {
    /// Every glossary word the view shows, for the `Term` tooltips (and their test).
    pub fn words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.strategies
            .iter()
            .chain(&self.constraints)
            .map(|i| i.word)
    }
}

/// The placement of service `service` (index into the model's services); None if there is no
/// such service.
pub fn service_placement(model: &Model, service: usize) -> Option<PlacementView> {
    let s = model.services.get(service)?;
    if s.launch.uses_fargate() {
        return Some(PlacementView {
            fargate: true,
            ..PlacementView::default()
        });
    }
    Some(PlacementView {
        fargate: false,
        strategies: s.strategies.iter().map(strategy_item).collect(),
        // The task definition's memberOf constraints apply too (after the service's own).
        constraints: model
            .constraints_for(&s.constraints, s.task_definition)
            .iter()
            .map(constraint_item)
            .collect(),
    })
}

/// A resolved strategy as ECS spells it.
pub fn strategy_item(s: &Strategy) -> PlacementItem {
    let (word, detail) = match s {
        Strategy::BinpackCpu => ("binpack", Some("cpu".to_string())),
        Strategy::BinpackMemory => ("binpack", Some("memory".to_string())),
        Strategy::Spread(SpreadField::Instance) => ("spread", Some("instanceId".to_string())),
        Strategy::Spread(SpreadField::Attribute(a)) => ("spread", Some(format!("attribute:{a}"))),
        Strategy::Random => ("random", None),
    };
    PlacementItem { word, detail }
}

/// A resolved constraint as ECS spells it.
pub fn constraint_item(c: &Constraint) -> PlacementItem {
    match c {
        Constraint::DistinctInstance => PlacementItem {
            word: "distinctInstance",
            detail: None,
        },
        Constraint::MemberOf(_, text) => PlacementItem {
            word: "memberOf",
            detail: Some(text.clone()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::Sim;

    fn golden(name: &str) -> Sim {
        let path = format!("{}/../tests/golden/{name}", env!("CARGO_MANIFEST_DIR"));
        Sim::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
    }

    fn example(id: &str) -> Sim {
        let e = crate::scenario::examples::example(id).unwrap();
        Sim::from_json(e.json).unwrap()
    }

    fn item(word: &'static str, detail: &str) -> PlacementItem {
        PlacementItem {
            word,
            detail: Some(detail.to_string()),
        }
    }

    #[test]
    fn the_default_example_shows_its_strategies_in_order_and_api_the_service_default() {
        let sim = example("default");
        let web = service_placement(&sim.model, 0).unwrap();
        assert!(!web.fargate);
        assert_eq!(
            web.strategies,
            vec![
                item("spread", "attribute:ecs.availability-zone"),
                item("binpack", "memory")
            ]
        );
        assert!(web.constraints.is_empty());
        // api runs on Fargate (its strategy names FARGATE and FARGATE_SPOT).
        assert!(service_placement(&sim.model, 1).unwrap().fargate);
        // host-ports gives none on EC2: the service default, spread over zones then instances.
        let sim = example("host-ports");
        let v = service_placement(&sim.model, 0).unwrap();
        assert!(!v.fargate);
        assert_eq!(
            v.strategies,
            vec![
                item("spread", "attribute:ecs.availability-zone"),
                item("spread", "instanceId")
            ]
        );
        assert!(service_placement(&sim.model, 99).is_none());
    }

    #[test]
    fn constraints_keep_their_expression_and_distinct_instance_has_none() {
        let sim = golden("member_of_instance_type.json");
        let v = service_placement(&sim.model, 0).unwrap();
        assert_eq!(v.strategies, vec![item("binpack", "memory")]);
        assert_eq!(
            v.constraints,
            vec![item("memberOf", "attribute:ecs.instance-type == m5.large")]
        );
        let sim = golden("distinct_instance.json");
        let v = service_placement(&sim.model, 0).unwrap();
        assert_eq!(
            v.constraints,
            vec![PlacementItem {
                word: "distinctInstance",
                detail: None
            }]
        );
    }

    #[test]
    fn a_fargate_service_has_no_strategies_or_constraints() {
        let sim = example("fargate-spot-strategy");
        for i in 0..sim.model.services.len() {
            let v = service_placement(&sim.model, i).unwrap();
            assert!(v.fargate, "service {i}");
            assert_eq!(v.words().count(), 0);
        }
    }

    #[test]
    fn every_word_the_view_can_show_has_a_glossary_entry() {
        let all = [
            Strategy::BinpackCpu,
            Strategy::BinpackMemory,
            Strategy::Spread(SpreadField::Instance),
            Strategy::Spread(SpreadField::Attribute("ecs.availability-zone".into())),
            Strategy::Random,
        ];
        for s in &all {
            let w = strategy_item(s).word;
            assert!(super::super::glossary::lookup(w).is_some(), "{w}");
        }
        let w = constraint_item(&Constraint::DistinctInstance).word;
        assert!(super::super::glossary::lookup(w).is_some(), "{w}");
        let sim = golden("member_of_instance_type.json");
        for w in service_placement(&sim.model, 0).unwrap().words() {
            assert!(super::super::glossary::lookup(w).is_some(), "{w}");
        }
    }
}
