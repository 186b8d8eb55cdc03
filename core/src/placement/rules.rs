//! What one placement strategy or constraint of a service must look like (API
//! PlacementStrategy, PlacementConstraint), in one place: `resolve` reports a failure as a
//! problem at the item's path, and the Service settings form ([`super::form`]) refuses the
//! change with the same words, so the form never writes what the scenario would then reject.

use crate::placement::query;
use crate::placement::{Constraint, SpreadField, Strategy};
use crate::placement::{PlacementConstraintSpec, PlacementStrategySpec};

/// ECS allows at most 5 placement strategies per service.
pub const MAX_PLACEMENT_STRATEGIES: usize = 5;
/// ECS allows at most 10 placement constraints per service.
pub const MAX_PLACEMENT_CONSTRAINTS: usize = 10;

/// Why an item was refused: the key inside the item (`type`, `field`, `expression`) and the
/// message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The item's key at fault.
    pub key: &'static str,
    /// What is wrong, in the words the scenario's problems use.
    pub message: String,
}

fn refuse(key: &'static str, message: impl Into<String>) -> RuleError {
    RuleError {
        key,
        message: message.into(),
    }
}

/// The strategy `spec` names: binpack on cpu or memory, spread on instanceId, host or
/// `attribute:<name>`, or random without a field.
pub fn strategy(spec: &PlacementStrategySpec) -> Result<Strategy, RuleError> {
    match (spec.kind.as_str(), spec.field.as_deref()) {
        ("binpack", Some("cpu" | "CPU")) => Ok(Strategy::BinpackCpu),
        ("binpack", Some("memory" | "MEMORY")) => Ok(Strategy::BinpackMemory),
        ("binpack", _) => Err(refuse("field", "binpack needs field cpu or memory")),
        ("spread", Some("instanceId" | "host")) => Ok(Strategy::Spread(SpreadField::Instance)),
        ("spread", Some(f)) if f.len() > "attribute:".len() && f.starts_with("attribute:") => Ok(
            Strategy::Spread(SpreadField::Attribute(f["attribute:".len()..].to_string())),
        ),
        ("spread", _) => Err(refuse(
            "field",
            "spread needs field instanceId, host, or attribute:<name> (e.g. attribute:ecs.availability-zone)",
        )),
        ("random", None) => Ok(Strategy::Random),
        ("random", Some(_)) => Err(refuse("field", "the random strategy takes no field")),
        (other, _) => Err(refuse(
            "type",
            format!("invalid placement strategy type '{other}': expected random, spread or binpack"),
        )),
    }
}

/// The constraint `spec` names: distinctInstance without an expression, or memberOf with an
/// expression of the cluster query language (at most 2,000 characters).
pub fn constraint(spec: &PlacementConstraintSpec) -> Result<Constraint, RuleError> {
    match (spec.kind.as_str(), spec.expression.as_deref()) {
        ("distinctInstance", None) => Ok(Constraint::DistinctInstance),
        ("distinctInstance", Some(_)) => {
            Err(refuse("expression", "distinctInstance takes no expression"))
        }
        ("memberOf", Some(e)) if e.len() > query::MAX_CONSTRAINT_EXPRESSION_LEN => Err(refuse(
            "expression",
            "The expression can have a maximum length of 2000 characters.",
        )),
        ("memberOf", Some(e)) => query::parse(e)
            .map(|expr| Constraint::MemberOf(expr, e.to_string()))
            .map_err(|err| refuse("expression", err.to_string())),
        ("memberOf", None) => Err(refuse(
            "expression",
            "memberOf needs an expression, e.g. attribute:ecs.instance-type =~ m5.*",
        )),
        (other, _) => Err(refuse(
            "type",
            format!("invalid constraint type '{other}': expected distinctInstance or memberOf"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(kind: &str, field: Option<&str>) -> PlacementStrategySpec {
        PlacementStrategySpec {
            kind: kind.into(),
            field: field.map(str::to_string),
        }
    }

    fn c(kind: &str, expression: Option<&str>) -> PlacementConstraintSpec {
        PlacementConstraintSpec {
            kind: kind.into(),
            expression: expression.map(str::to_string),
        }
    }

    #[test]
    fn strategies_follow_the_api_fields() {
        assert_eq!(
            strategy(&s("binpack", Some("memory"))),
            Ok(Strategy::BinpackMemory)
        );
        assert_eq!(
            strategy(&s("spread", Some("host"))),
            Ok(Strategy::Spread(SpreadField::Instance))
        );
        assert_eq!(
            strategy(&s("spread", Some("attribute:ecs.availability-zone"))),
            Ok(Strategy::Spread(SpreadField::Attribute(
                "ecs.availability-zone".into()
            )))
        );
        assert_eq!(strategy(&s("random", None)), Ok(Strategy::Random));
        for (bad, key) in [
            (s("binpack", Some("disk")), "field"),
            (s("spread", Some("zone")), "field"),
            (s("spread", Some("attribute:")), "field"),
            (s("random", Some("cpu")), "field"),
            (s("packed", None), "type"),
        ] {
            assert_eq!(strategy(&bad).map_err(|e| e.key), Err(key), "{bad:?}");
        }
    }

    #[test]
    fn constraints_need_a_parsable_expression_only_for_member_of() {
        let key = |spec: PlacementConstraintSpec| constraint(&spec).err().map(|e| e.key);
        assert!(matches!(
            constraint(&c("distinctInstance", None)),
            Ok(Constraint::DistinctInstance)
        ));
        assert!(matches!(
            constraint(&c("memberOf", Some("attribute:ecs.instance-type =~ m5.*"))),
            Ok(Constraint::MemberOf(..))
        ));
        let unparsable = constraint(&c("memberOf", Some("attribute:ecs.instance-type ==")));
        assert!(
            unparsable
                .as_ref()
                .is_err_and(|e| e.key == "expression" && e.message.contains("position")),
            "{:?}",
            unparsable.err()
        );
        let long = "a".repeat(query::MAX_CONSTRAINT_EXPRESSION_LEN + 1);
        assert!(constraint(&c("memberOf", Some(&long)))
            .is_err_and(|e| e.message.contains("2000 characters")));
        assert_eq!(key(c("memberOf", None)), Some("expression"));
        assert_eq!(key(c("distinctInstance", Some("x"))), Some("expression"));
        assert_eq!(key(c("spreadOut", None)), Some("type"));
    }
}
