//! A story's `consent`: `true`, `false`, or a record with dates and a
//! scope. Consent in employment can be withdrawn at any time and is often
//! given for a period, so whether a story is published depends on the day
//! of the build; an ended consent is a warning, never an error, so that an
//! expiry cannot take the site down.

use jiff::civil::Date;

use crate::content::yaml::{Node, Value};
use crate::diagnostics::{Pos, Reporter};
use crate::validate::fields::Fields;
use crate::validate::story::parse_date;

const KEYS: &[&str] = &["given", "until", "withdrawn", "scope"];
/// What a person can consent to: the story's text, their photo, the share card.
pub const SCOPES: &[&str] = &["text", "photo", "card"];

/// What a story's consent allows on the day of the build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consent {
    /// The story may be published today.
    pub publish: bool,
    pub photo: bool,
    pub card: bool,
}

/// The day consent is judged on and how early `check` warns of its end.
#[derive(Debug, Clone, Copy)]
pub struct Today {
    pub date: Date,
    pub warn_days: i64,
}

pub fn consent(node: &Node, today: Today, r: &mut Reporter<'_>) -> Option<Consent> {
    match &node.value {
        Value::Bool(true) => Some(Consent {
            publish: true,
            photo: true,
            card: true,
        }),
        Value::Bool(false) => {
            r.warning(
                node.pos,
                "no-consent",
                "this story is not published: `consent` is false",
            )
            .help("set `consent: true` once the person has agreed to publication");
            Some(Consent {
                publish: false,
                photo: false,
                card: false,
            })
        }
        Value::Map(_) => record(node, today, r),
        other => {
            r.error(
                node.pos,
                "wrong-type",
                format!(
                    "`consent` must be true, false or a record, found {}",
                    other.describe()
                ),
            )
            .help("write `consent: true`, or `consent: {given: 2026-03-01, until: 2028-03-01}`");
            None
        }
    }
}

fn record(node: &Node, today: Today, r: &mut Reporter<'_>) -> Option<Consent> {
    let f = Fields::of(node, KEYS, "`consent`", r)?;
    let date = |key: &str, r: &mut Reporter<'_>| -> Option<Option<(Date, Pos)>> {
        match f.text(key, r) {
            None => Some(None),
            Some(t) => parse_date(&t, key, r).map(|d| Some((d, t.pos))),
        }
    };
    // Without `given`, consent holds from the start (as `true` does):
    // `takedown` writes `{withdrawn: DAY}` for a story that had `true`.
    let given = date("given", r)?;
    let until = date("until", r)?;
    let withdrawn = date("withdrawn", r)?;
    let scope_nodes = f.list("scope", r);
    let mut scope: Vec<String> = Vec::new();
    for n in scope_nodes {
        match n.value.scalar_text() {
            Some(s) if SCOPES.contains(&s.as_str()) => scope.push(s),
            found => {
                let found = found.unwrap_or_default();
                r.error(
                    n.pos,
                    "bad-value",
                    format!("`{found}` is not a consent scope"),
                )
                .help("a scope lists what the person agreed to: `text`, `photo`, `card`");
                return None;
            }
        }
    }
    let everything = scope_nodes.is_empty();
    let allows = |what: &str| everything || scope.iter().any(|s| s == what);
    if !everything && !allows("text") {
        r.error(
            f.pos,
            "bad-value",
            "`scope` leaves out `text`: without it there is nothing to publish",
        )
        .help("add `text` to `scope`, or set `withdrawn:` if the person no longer agrees");
        return None;
    }

    let mut publish = true;
    if let Some((day, pos)) = withdrawn
        && day <= today.date
    {
        r.warning(
            pos,
            "consent-withdrawn",
            format!("this story is not published: consent was withdrawn on {day}"),
        )
        .help("nothing of it is written to the site; delete the file once the takedown is done");
        publish = false;
    }
    if let (true, Some((given, given_pos))) = (publish, given)
        && given > today.date
    {
        r.warning(
            given_pos,
            "consent-not-yet",
            format!("this story is not published before {given}, the day consent is given"),
        );
        publish = false;
    }
    if let (true, Some((end, pos))) = (publish, until) {
        if end < today.date {
            r.warning(
                pos,
                "consent-expired",
                format!("this story is not published: consent ended on {end}"),
            )
            .help("ask the person to renew it and set a new `until:`, or delete the story");
            publish = false;
        } else {
            let days = i64::from((end - today.date).get_days());
            if days <= today.warn_days {
                r.warning(
                    pos,
                    "consent-ending",
                    format!(
                        "consent ends on {end}, in {days} day{}: the story then leaves the site",
                        if days == 1 { "" } else { "s" }
                    ),
                )
                .help("ask the person whether to renew it, and set a new `until:` if so");
            }
        }
    }
    Some(Consent {
        publish,
        photo: publish && allows("photo"),
        card: publish && allows("card"),
    })
}
