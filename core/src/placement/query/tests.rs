//! Behaviour of the cluster query language against the DG cluster-query-language page.

use std::collections::BTreeMap;

use proptest::prelude::*;

use super::*;

/// A container instance described by plain maps.
#[derive(Default)]
struct Instance {
    attributes: BTreeMap<&'static str, &'static str>,
    fields: BTreeMap<InstanceField, &'static str>,
    groups: Vec<&'static str>,
}

impl InstanceFacts for Instance {
    fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes.get(name).copied()
    }
    fn field(&self, field: InstanceField) -> Option<String> {
        self.fields.get(&field).map(|v| v.to_string())
    }
    fn task_groups(&self) -> Vec<&str> {
        self.groups.clone()
    }
}

fn instance(instance_type: &'static str, az: &'static str) -> Instance {
    let mut i = Instance::default();
    i.attributes.insert("ecs.instance-type", instance_type);
    i.attributes.insert("ecs.availability-zone", az);
    i.attributes.insert("ecs.os-type", "linux");
    i.attributes.insert("ecs.cpu-architecture", "x86_64");
    i.attributes.insert("ecs.ami-id", "ami-0123456789abcdef0");
    i.fields.insert(InstanceField::AgentConnected, "true");
    i.fields.insert(InstanceField::AgentVersion, "1.14.4");
    i.fields.insert(InstanceField::Ec2InstanceId, "i-abcd1234");
    i.fields
        .insert(InstanceField::RegisteredAt, "2018-02-12T10:00:00Z");
    i.fields.insert(InstanceField::RunningTasksCount, "1");
    i
}

fn expr(text: &str) -> Expression {
    match parse(text) {
        Ok(e) => e,
        Err(e) => panic!("{text}: {e}"),
    }
}

fn holds(text: &str, i: &Instance) -> bool {
    expr(text).matches(i)
}

fn error_at(text: &str) -> usize {
    match parse(text) {
        Ok(e) => panic!("{text} parsed as {e}"),
        Err(e) => e.position,
    }
}

#[test]
fn doc_example_string_equality() {
    let text = "attribute:ecs.instance-type == t2.small";
    assert!(holds(text, &instance("t2.small", "us-east-1a")));
    assert!(!holds(text, &instance("t2.medium", "us-east-1a")));
}

#[test]
fn doc_example_argument_list() {
    let text = "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]";
    assert!(holds(text, &instance("t2.small", "us-east-1b")));
    assert!(!holds(text, &instance("t2.small", "us-east-1c")));
}

#[test]
fn doc_example_compound_expression_g2_not_in_us_east_1d() {
    let text =
        "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d";
    assert!(holds(text, &instance("g2.2xlarge", "us-east-1a")));
    assert!(!holds(text, &instance("g2.2xlarge", "us-east-1d")));
    assert!(!holds(text, &instance("m5.large", "us-east-1a")));
}

#[test]
fn doc_example_task_affinity_and_anti_affinity() {
    let mut host = instance("m5.large", "us-east-1a");
    host.groups = vec!["service:production", "family:batch"];
    let empty = instance("m5.large", "us-east-1a");
    assert!(holds("task:group == service:production", &host));
    assert!(!holds("task:group == service:production", &empty));
    assert!(holds("not(task:group == database)", &host));
    let mut db = instance("m5.large", "us-east-1a");
    db.groups = vec!["database"];
    assert!(!holds("not(task:group == database)", &db));
    // `!=` is the negation of `==`, so it means "hosts no task of that group" too.
    assert!(!holds("task:group != database", &db));
    assert!(holds("task:group != database", &host));
}

#[test]
fn doc_example_running_task_count_agent_version_registration_and_instance_id() {
    let i = instance("m5.large", "us-east-1a");
    assert!(holds("runningTasksCount == 1", &i));
    assert!(holds("agentVersion < 1.14.5", &i));
    assert!(holds("registeredAt < 2018-02-13", &i));
    assert!(holds("ec2InstanceId in ['i-abcd1234', 'i-wxyx7890']", &i));
    assert!(!holds("ec2InstanceId in ['i-0000', 'i-wxyx7890']", &i));
}

#[test]
fn every_operator_symbol_and_word_form() {
    let i = instance("t2.small", "us-east-1a");
    let cases = [
        ("attribute:ecs.instance-type == t2.small", true),
        ("attribute:ecs.instance-type equals t2.small", true),
        ("attribute:ecs.instance-type != t2.small", false),
        ("attribute:ecs.instance-type not_equals t2.small", false),
        ("runningTasksCount > 0", true),
        ("runningTasksCount greater_than 1", false),
        ("runningTasksCount >= 1", true),
        ("runningTasksCount greater_than_equal 2", false),
        ("runningTasksCount < 2", true),
        ("runningTasksCount less_than 1", false),
        ("runningTasksCount <= 1", true),
        ("runningTasksCount less_than_equal 0", false),
        ("attribute:ecs.ami-id exists", true),
        ("attribute:stack exists", false),
        ("attribute:stack !exists", true),
        ("attribute:ecs.ami-id not_exists", false),
        ("attribute:ecs.os-type in [linux, windows]", true),
        ("attribute:ecs.os-type !in [linux]", false),
        ("attribute:ecs.os-type not_in [windows]", true),
        ("attribute:ecs.instance-type =~ t2.*", true),
        ("attribute:ecs.instance-type matches m5.*", false),
        ("attribute:ecs.instance-type !~ t2.*", false),
        ("attribute:ecs.instance-type not_matches m5.*", true),
    ];
    for (text, expected) in cases {
        assert_eq!(holds(text, &i), expected, "{text}");
    }
}

#[test]
fn and_binds_tighter_than_or_and_parentheses_override() {
    let i = instance("t2.small", "us-east-1a");
    let t = "attribute:ecs.os-type == linux";
    let f = "attribute:ecs.os-type == windows";
    // f or t and f  ==  f or (t and f)  == false; (f or t) and f == false; t or f and f == true
    assert!(!holds(&format!("{f} or {t} and {f}"), &i));
    assert!(holds(&format!("{t} or {f} and {f}"), &i));
    assert!(!holds(&format!("({t} or {f}) and {f}"), &i));
    assert!(holds(&format!("{f} and {f} or {t}"), &i));
    assert!(holds(&format!("{f} && {f} || {t}"), &i));
    assert!(holds(&format!("!({f})"), &i));
    assert!(holds(&format!("not {f} and {t}"), &i));
    assert_eq!(
        expr(&format!("{f} or {t} and {f}")).to_string(),
        format!("{f} or {t} and {f}")
    );
    assert_eq!(
        expr(&format!("({f} or {t}) and {f}")).to_string(),
        format!("({f} or {t}) and {f}")
    );
}

#[test]
fn display_prints_the_normalized_expression() {
    let cases = [
        (
            "attribute:ecs.instance-type   equals  t2.small",
            "attribute:ecs.instance-type == t2.small",
        ),
        (
            "ec2InstanceId in ['i-abcd1234','i-wxyx7890']",
            "ec2InstanceId in [i-abcd1234, i-wxyx7890]",
        ),
        ("not(task:group == database)", "not(task:group == database)"),
        ("! task:group == db && (a) || b", ""),
        ("attribute:x == 'two words'", "attribute:x == 'two words'"),
        ("attribute:x not_exists", "attribute:x !exists"),
        ("((attribute:a exists))", "attribute:a exists"),
        (
            "attribute:a exists and (attribute:b exists and attribute:c exists)",
            "attribute:a exists and attribute:b exists and attribute:c exists",
        ),
    ];
    for (input, expected) in cases {
        match parse(input) {
            Ok(e) => assert_eq!(e.to_string(), expected, "{input}"),
            Err(_) => assert!(expected.is_empty(), "{input} should parse"),
        }
    }
}

#[test]
fn quoted_values_keep_spaces_parentheses_and_escaped_quotes() {
    let mut i = instance("t2.small", "us-east-1a");
    i.attributes.insert("team", "a (b), 'c'");
    assert!(holds(r"attribute:team == 'a (b), \'c\''", &i));
    assert!(holds(r#"attribute:team == "a (b), 'c'""#, &i));
    assert!(holds(r"attribute:team in ['a (b), \'c\'', x]", &i));
    assert!(holds(r"attribute:team =~ 'a \(b\).*'", &i));
}

#[test]
fn ordering_uses_versions_dates_and_numbers_not_text() {
    let mut i = instance("t2.small", "us-east-1a");
    i.fields.insert(InstanceField::AgentVersion, "1.9.0");
    i.fields.insert(InstanceField::RunningTasksCount, "10");
    i.attributes.insert("weight", "10");
    i.attributes.insert("tier", "gold");
    assert!(
        holds("agentVersion < 1.14.5", &i),
        "1.9.0 is older than 1.14.5"
    );
    assert!(holds("agentVersion == 1.9", &i));
    assert!(holds("runningTasksCount > 9", &i));
    assert!(holds("attribute:weight > 9", &i));
    assert!(holds("attribute:weight == 10", &i));
    assert!(
        !holds("attribute:weight == 10.0", &i),
        "== is string equality"
    );
    assert!(
        holds("attribute:tier > bronze", &i),
        "non-numbers compare as text"
    );
    assert!(holds("registeredAt >= 2018-02-12T10:00:00+00:00", &i));
    assert!(holds("registeredAt == 2018-02-12T12:00:00+02:00", &i));
    assert!(!holds("registeredAt > 2018-02-12T10:00:00", &i));
    assert!(!holds("attribute:missing > 1", &i));
}

#[test]
fn operators_outside_the_documented_list_for_a_field_are_rejected() {
    assert_eq!(error_at("agentConnected > true"), 15);
    assert_eq!(error_at("runningTasksCount in [1, 2]"), 18);
    assert_eq!(error_at("registeredAt =~ 2018.*"), 13);
    assert!(parse("agentConnected == false").is_ok());
    assert!(parse("ec2InstanceId =~ i-.*").is_ok());
}

#[test]
fn typed_field_arguments_are_checked() {
    assert_eq!(error_at("registeredAt < yesterday"), 15);
    assert_eq!(error_at("agentVersion >= latest"), 16);
    assert_eq!(error_at("runningTasksCount == -1"), 21);
}

#[test]
fn malformed_input_reports_the_byte_position() {
    let cases = [
        ("", 0),
        ("   ", 0),
        ("attribute:ecs.instance-type", 27),
        ("attribute:ecs.instance-type ==", 30),
        ("attribute: == x", 0),
        ("instanceType == x", 0),
        ("attribute:a ?? x", 12),
        ("attribute:a == x y", 17),
        ("attribute:a == x and", 20),
        ("(attribute:a == x", 0),
        ("attribute:a == x)", 16),
        ("attribute:a in x", 15),
        ("attribute:a in []", 15),
        ("attribute:a in [x, y", 15),
        ("attribute:a in [x y]", 18),
        ("attribute:a == 'open", 15),
        ("attribute:a =~ t2(", 17),
        ("attribute:a =~ '(?=x)'", 16),
        ("and attribute:a exists", 0),
        ("attribute:a exists or or attribute:b exists", 22),
    ];
    for (text, position) in cases {
        assert_eq!(
            error_at(text),
            position,
            "{text:?}: {:?}",
            parse(text).err()
        );
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!(
        "{}attribute:a exists{}",
        "(".repeat(10_000),
        ")".repeat(10_000)
    );
    assert_eq!(error_at(&deep), MAX_NESTING);
    let nots = format!("{}attribute:a exists", "not ".repeat(10_000));
    assert!(parse(&nots).is_err());
    let ok = format!("{}attribute:a exists{}", "(".repeat(10), ")".repeat(10));
    assert!(parse(&ok).is_ok());
}

#[test]
fn errors_convert_to_problems_at_a_path() {
    let p = match parse("attribute:a ==") {
        Ok(_) => panic!("should fail"),
        Err(e) => e.to_problem("placementConstraints[0].expression"),
    };
    assert_eq!(p.path, "placementConstraints[0].expression");
    assert!(p.message.starts_with("at position 14: "), "{}", p.message);
}

proptest! {
    #[test]
    fn parse_never_panics_on_arbitrary_text(text in "\\PC{0,80}") {
        let _ = parse(&text);
    }

    #[test]
    fn parse_never_panics_on_query_like_text(
        text in "[a-z:.()\\[\\],'\"!=<>~&| *^$\\\\{}0-9-]{0,60}"
    ) {
        if let Ok(e) = parse(&text) {
            let printed = e.to_string();
            let again = parse(&printed);
            prop_assert_eq!(again.as_ref().ok(), Some(&e), "printed as {}", printed);
            let _ = e.matches(&instance("t2.small", "us-east-1a"));
        }
    }

    #[test]
    fn normalized_text_parses_back_to_the_same_expression(
        values in proptest::collection::vec("[a-z0-9 ,()'\\\\\\]-]{1,8}", 1..4),
        op in 0usize..4,
    ) {
        let list = values
            .iter()
            .map(|v| format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'")))
            .collect::<Vec<_>>()
            .join(", ");
        let text = match op {
            0 => format!("attribute:x in [{list}]"),
            1 => format!("attribute:x == '{}'", values[0].replace('\\', "\\\\").replace('\'', "\\'")),
            2 => format!("not(attribute:x !in [{list}]) or attribute:y exists"),
            _ => format!("task:group in [{list}] and attribute:y exists"),
        };
        let e = match parse(&text) {
            Ok(e) => e,
            Err(err) => return Err(TestCaseError::fail(format!("{text}: {err}"))),
        };
        prop_assert_eq!(parse(&e.to_string()).ok(), Some(e));
    }
}
