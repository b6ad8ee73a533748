//! `content/openings.yaml` (or `.json`): the positions open now, each tied
//! to a role of `career.yaml`. Written by hand or by `launchpad openings
//! pull`; an opening whose closing date has passed is left out.

use std::collections::HashMap;

use crate::content::SourceFile;
use crate::content::types::{Career, Opening};
use crate::content::yaml::Value;
use crate::diagnostics::{Pos, Reporter};
use crate::validate::fields::{Fields, Text};

const KEYS: &[&str] = &[
    "title",
    "role",
    "location",
    "url",
    "department",
    "team",
    "employment_type",
    "posted",
    "closes",
];

pub fn openings(
    file: &SourceFile,
    career: Option<&Career>,
    today: jiff::civil::Date,
    r: &mut Reporter<'_>,
) -> Vec<Opening> {
    let Some(node) = super::parse_yaml(&file.text, 0, r) else {
        return Vec::new();
    };
    let items = match &node.value {
        Value::Null => return Vec::new(),
        Value::Seq(items) => items,
        other => {
            r.error(
                node.pos,
                "wrong-type",
                format!("expected a list of openings, found {}", other.describe()),
            )
            .help("start each opening with `- title: ...`; see docs/content.md");
            return Vec::new();
        }
    };
    let mut seen_urls: HashMap<String, Pos> = HashMap::new();
    let mut out = Vec::new();
    for n in items {
        let Some(f) = Fields::of(n, KEYS, "an opening", r) else {
            continue;
        };
        let title = f.required_text(
            "title",
            r,
            "add the job title: `title: Customer Service Agent`",
        );
        let role = f
            .required_text(
                "role",
                r,
                "say which role of career.yaml this is: `role: agent`",
            )
            .and_then(|t| known_role(t, career, r));
        let location = f.required_text("location", r, "add where the job is: `location: Lisbon`");
        let url = f
            .required_text(
                "url",
                r,
                "add the posting's address in your ATS: `url: https://...`",
            )
            .and_then(|t| {
                let url = super::site::link_url(&t, "url", r)?;
                if let Some(first) = seen_urls.get(&url) {
                    r.error(
                        t.pos,
                        "duplicate-url",
                        format!("this address is already listed on line {}", first.line),
                    )
                    .help("list each posting once; remove one of the two");
                    return None;
                }
                seen_urls.insert(url.clone(), t.pos);
                Some(url)
            });
        let department = f.text("department", r).and_then(|t| match career {
            Some(c) => {
                let ids: Vec<&str> = c.departments.iter().map(|d| d.id.as_str()).collect();
                super::career::check_ref(&t, "department", &ids, r).then_some(t.value)
            }
            None => Some(t.value),
        });
        let posted = f.text("posted", r).and_then(|t| date(&t, "posted", r));
        let closes = f.text("closes", r).and_then(|t| date(&t, "closes", r));
        if let (Some((p, _)), Some((c, pos))) = (posted, closes)
            && c < p
        {
            r.error(
                pos,
                "bad-date",
                format!("the opening closes ({c}) before it was posted ({p})"),
            )
            .help("check the two dates; `closes` is the last day candidates can apply");
            continue;
        }
        let (Some(title), Some(role), Some(location), Some(url)) = (title, role, location, url)
        else {
            continue;
        };
        if let Some((c, pos)) = closes
            && c < today
        {
            r.warning(
                pos,
                "opening-closed",
                format!("“{}” closed on {c}; it is not published", title.value),
            )
            .help("remove it from the file, or move `closes` later if it is still open");
            continue;
        }
        let department = department.unwrap_or_else(|| {
            career
                .and_then(|c| c.role(&role))
                .map(|r| r.department.clone())
                .unwrap_or_default()
        });
        let text = |key: &str, r: &mut Reporter<'_>| {
            f.text(key, r)
                .map(|t| t.value.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        out.push(Opening {
            title: title.value.trim().to_string(),
            role,
            location: location.value.trim().to_string(),
            url,
            department,
            team: text("team", r),
            employment_type: text("employment_type", r),
            posted: posted.map(|(d, _)| d.to_string()),
            closes: closes.map(|(d, _)| d.to_string()),
        });
    }
    out
}

fn known_role(t: Text, career: Option<&Career>, r: &mut Reporter<'_>) -> Option<String> {
    // Without a valid career.yaml, its own errors say what to fix.
    let Some(career) = career else {
        return Some(t.value);
    };
    let ids: Vec<&str> = career.roles.iter().map(|r| r.id.as_str()).collect();
    super::career::check_ref(&t, "role", &ids, r).then_some(t.value)
}

fn date(t: &Text, key: &str, r: &mut Reporter<'_>) -> Option<(jiff::civil::Date, Pos)> {
    super::story::parse_date(t, key, r).map(|d| (d, t.pos))
}
