//! `content/career.yaml`: departments, roles, transitions and programs, with
//! every reference between them resolved.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::types::{Career, Department, Program, Role, Transition};
use crate::content::yaml::{Node, Value};
use crate::diagnostics::Reporter;
use crate::validate::fields::{Fields, Text, did_you_mean, id, int};

pub fn career(node: &Node, r: &mut Reporter<'_>) -> Option<Career> {
    let f = Fields::of(
        node,
        &["departments", "roles", "transitions", "programs"],
        "career.yaml",
        r,
    )?;
    let mut career = Career::default();
    let mut ids = Ids::default();

    f.required(
        "departments",
        r,
        "list the departments: `departments: [{id: customer-care, name: Customer Care}]`",
    );
    for n in f.list("departments", r) {
        let Some(d) = Fields::of(n, &["id", "name", "description"], "a department", r) else {
            continue;
        };
        let id = d
            .required_text("id", r, "give the department an `id:`")
            .and_then(|t| id_unique(t, "department", &mut ids.departments, r));
        let name = d.required_text("name", r, "give the department a `name:`");
        if let (Some(id), Some(name)) = (id, name) {
            career.departments.push(Department {
                id: id.value,
                name: name.value,
                description: d.text("description", r).map(|t| t.value),
            });
        }
    }

    f.required("roles", r, "list the roles: `roles: [{id: agent, title: Customer Service Agent, department: customer-care}]`");
    let mut role_departments = Vec::new();
    for n in f.list("roles", r) {
        let Some(d) = Fields::of(
            n,
            &["id", "title", "department", "entry", "summary", "apply_url"],
            "a role",
            r,
        ) else {
            continue;
        };
        let id = d
            .required_text("id", r, "give the role an `id:`")
            .and_then(|t| id_unique(t, "role", &mut ids.roles, r));
        let title = d.required_text("title", r, "give the role a `title:`");
        let department = d.required_text(
            "department",
            r,
            "say which department the role is in: `department: customer-care`",
        );
        let entry = d.bool("entry", r).unwrap_or(false);
        let apply_url = d
            .text("apply_url", r)
            .and_then(|t| crate::validate::site::link_url(&t, "apply_url", r));
        if let (Some(id), Some(title), Some(department)) = (id, title, department) {
            career.roles.push(Role {
                id: id.value,
                title: title.value,
                department: department.value.clone(),
                entry,
                summary: d.text("summary", r).map(|t| t.value),
                apply_url,
            });
            role_departments.push(department);
        }
    }

    for n in f.list("programs", r) {
        let Some(d) = Fields::of(
            n,
            &["id", "name", "duration_months", "description"],
            "a program",
            r,
        ) else {
            continue;
        };
        let id = d
            .required_text("id", r, "give the program an `id:`")
            .and_then(|t| id_unique(t, "program", &mut ids.programs, r));
        let name = d.required_text("name", r, "give the program a `name:`");
        let duration_months = d.get("duration_months").and_then(|n| duration(n, r));
        if let (Some(id), Some(name)) = (id, name) {
            career.programs.push(Program {
                id: id.value,
                name: name.value,
                duration_months,
                description: d.text("description", r).map(|t| t.value),
            });
        }
    }

    let mut refs = Vec::new();
    let mut seen_transitions = BTreeSet::new();
    for n in f.list("transitions", r) {
        let keys = ["from", "to", "typical_months", "requirements", "program"];
        let Some(d) = Fields::of(n, &keys, "a transition", r) else {
            continue;
        };
        let from = d.required_text("from", r, "name the role people move from: `from: agent`");
        let to = d.required_text("to", r, "name the role people move to: `to: team-lead`");
        let typical_months = d.int("typical_months", r).and_then(|(m, pos)| {
            if (0..=600).contains(&m) {
                Some(m as u32)
            } else {
                r.error(pos, "bad-value", format!("`typical_months` is {m}"))
                    .help("use a number of months from 0 to 600");
                None
            }
        });
        let program = d.text("program", r);
        let requirements = d
            .text_list("requirements", r)
            .into_iter()
            .map(|t| t.value)
            .collect();
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        if !seen_transitions.insert((from.value.clone(), to.value.clone())) {
            r.error(
                from.pos,
                "duplicate-id",
                format!(
                    "the transition {} -> {} is listed twice",
                    from.value, to.value
                ),
            )
            .help("keep one entry per pair of roles");
        }
        career.transitions.push(Transition {
            from: from.value.clone(),
            to: to.value.clone(),
            typical_months,
            requirements,
            program: program.as_ref().map(|p| p.value.clone()),
        });
        refs.push((from, to, program));
    }

    // References are checked once all ids are known, so order in the file does not matter.
    let department_ids: Vec<&str> = career.departments.iter().map(|d| d.id.as_str()).collect();
    for dept in &role_departments {
        check_ref(dept, "department", &department_ids, r);
    }
    let role_ids: Vec<&str> = career.roles.iter().map(|r| r.id.as_str()).collect();
    let program_ids: Vec<&str> = career.programs.iter().map(|p| p.id.as_str()).collect();
    for (from, to, program) in &refs {
        check_ref(from, "role", &role_ids, r);
        check_ref(to, "role", &role_ids, r);
        if from.value == to.value {
            r.error(
                to.pos,
                "bad-transition",
                "a transition must go to a different role",
            )
            .help("remove this transition, or change `to:`");
        }
        if let Some(p) = program {
            check_ref(p, "program", &program_ids, r);
        }
    }
    Some(career)
}

#[derive(Default)]
struct Ids {
    departments: BTreeMap<String, Text>,
    roles: BTreeMap<String, Text>,
    programs: BTreeMap<String, Text>,
}

fn id_unique(
    t: Text,
    kind: &str,
    seen: &mut BTreeMap<String, Text>,
    r: &mut Reporter<'_>,
) -> Option<Text> {
    let t = id(t, r)?;
    if let Some(first) = seen.get(&t.value) {
        r.error(
            t.pos,
            "duplicate-id",
            format!("the {kind} id `{}` is used twice", t.value),
        )
        .help(format!(
            "the first is on line {}; give this {kind} another id",
            first.pos.line
        ));
        return None;
    }
    seen.insert(t.value.clone(), t.clone());
    Some(t)
}

/// Reports a reference to an id that does not exist; `kind` is the code's
/// second word: `unknown-role`, `unknown-department`, ...
pub fn check_ref(t: &Text, kind: &str, ids: &[&str], r: &mut Reporter<'_>) -> bool {
    if ids.contains(&t.value.as_str()) {
        return true;
    }
    let code = match kind {
        "role" => "unknown-role",
        "department" => "unknown-department",
        "program" => "unknown-program",
        "collection" => "unknown-collection",
        _ => "unknown-story",
    };
    let help = if ids.is_empty() {
        format!("no {kind} is defined yet")
    } else {
        did_you_mean(&t.value, ids.iter().copied())
    };
    r.error(t.pos, code, format!("unknown {kind} `{}`", t.value))
        .help(help);
    false
}

/// `duration_months: 3` or `duration_months: [3, 6]`.
fn duration(node: &Node, r: &mut Reporter<'_>) -> Option<[u32; 2]> {
    let values: Vec<i64> = match &node.value {
        Value::Seq(items) => items
            .iter()
            .filter_map(|n| int(n, "duration_months", r))
            .collect(),
        _ => vec![int(node, "duration_months", r)?],
    };
    match values.as_slice() {
        [a] if (1..=120).contains(a) => Some([*a as u32, *a as u32]),
        [a, b] if (1..=120).contains(a) && (1..=120).contains(b) && a <= b => {
            Some([*a as u32, *b as u32])
        }
        _ => {
            r.error(
                node.pos,
                "bad-value",
                "`duration_months` must be a number of months or `[min, max]`",
            )
            .help("for example `duration_months: [3, 6]`, with min <= max, between 1 and 120");
            None
        }
    }
}
