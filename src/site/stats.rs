//! Figures about journeys: the moves between roles and the headline numbers
//! a recruiter quotes ("38 alumni now work in 9 departments").

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::site::Entry;

/// How many published journeys took one move between two roles.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub from: String,
    pub to: String,
    pub count: usize,
    /// Median months spent in `from` before moving, over the stories that did.
    pub median_months: Option<f64>,
}

/// The figures at the top of the career map.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Headline {
    pub alumni: usize,
    /// Departments where people work now (their current role's).
    pub departments_now: usize,
    /// Alumni whose current role is outside the department they started in.
    pub moved_department: usize,
    /// Rounded to whole months.
    pub median_months_to_first_move: Option<i64>,
}

pub fn moves(entries: &[Entry]) -> BTreeMap<(String, String), Move> {
    let mut months: BTreeMap<(String, String), Vec<i64>> = BTreeMap::new();
    for e in entries {
        for pair in e.story.journey.windows(2) {
            if pair[0].role != pair[1].role {
                let key = (pair[0].role.clone(), pair[1].role.clone());
                months
                    .entry(key)
                    .or_default()
                    .push(pair[0].from.months_until(pair[1].from));
            }
        }
    }
    months
        .into_iter()
        .map(|((from, to), mut m)| {
            let median_months = median(&mut m);
            let count = m.len();
            (
                (from.clone(), to.clone()),
                Move {
                    from,
                    to,
                    count,
                    median_months,
                },
            )
        })
        .collect()
}

pub fn headline(entries: &[Entry], department_of: &BTreeMap<&str, &str>) -> Headline {
    let mut departments = BTreeSet::new();
    let mut moved_department = 0;
    let mut first_moves = Vec::new();
    for e in entries {
        let now = department_of.get(e.destination_role());
        let start = department_of.get(e.start_role());
        if let Some(d) = now {
            departments.insert(*d);
        }
        if now != start {
            moved_department += 1;
        }
        first_moves.extend(e.months_to_first_move);
    }
    Headline {
        alumni: entries.len(),
        departments_now: departments.len(),
        moved_department,
        median_months_to_first_move: median(&mut first_moves).map(|m| m.round() as i64),
    }
}

pub fn median(values: &mut [i64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_unstable();
    let mid = values.len() / 2;
    Some(if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) as f64 / 2.0
    } else {
        values[mid] as f64
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_even_and_odd_lists() {
        assert_eq!(median(&mut [3, 1, 2]), Some(2.0));
        assert_eq!(median(&mut [4, 1, 2, 3]), Some(2.5));
        assert_eq!(median(&mut []), None);
    }
}
