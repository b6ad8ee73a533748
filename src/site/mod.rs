//! Model: validated content -> the site as candidates see it. Only published
//! stories (consent given, not a draft unless `--drafts`) enter the model, so
//! nothing later can leak an unpublished story into a page, a feed or JSON.
//!
//! Every index is built in one pass over the stories (no stage is quadratic
//! in their number) and kept in sorted maps, so output never depends on hash
//! order.

use std::collections::BTreeMap;

use crate::content::types::{Career, Collection, Content, SiteConfig, Story};

/// A published story and what the listings need to know about it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub story: Story,
    /// Role ids of the journey in order, without repeats in a row.
    pub roles: Vec<String>,
    /// Department ids the journey passed through, in order of first visit.
    pub departments: Vec<String>,
    /// Months from the first step's start to the second's, if there was a move.
    pub months_to_first_move: Option<i64>,
}

impl Entry {
    pub fn start_role(&self) -> &str {
        self.roles.first().map_or("", String::as_str)
    }
    pub fn destination_role(&self) -> &str {
        self.roles.last().map_or("", String::as_str)
    }
}

/// A tag's name as first written in a story, and the stories that carry it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tagged {
    pub name: String,
    pub stories: Vec<usize>,
}

/// How many published journeys took one move between two roles.
#[derive(Debug, Clone, PartialEq)]
pub struct Move {
    pub from: String,
    pub to: String,
    pub count: usize,
    /// Median months spent in `from` before moving, over the stories that did.
    pub median_months: Option<f64>,
}

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub career: Career,
    /// Newest first; indexes below are positions in this list.
    pub entries: Vec<Entry>,
    pub by_slug: BTreeMap<String, usize>,
    pub by_role: BTreeMap<String, Vec<usize>>,
    pub by_department: BTreeMap<String, Vec<usize>>,
    /// Keyed by the tag's slug (the URL of its page).
    pub by_tag: BTreeMap<String, Tagged>,
    /// Keyed by `(from, to)` role ids.
    pub moves: BTreeMap<(String, String), Move>,
    pub collections: Vec<(Collection, Vec<usize>)>,
}

pub fn model(content: Content, drafts: bool) -> Site {
    let Content {
        site: config,
        career,
        stories,
        collections,
    } = content;
    let mut published: Vec<Story> = stories
        .into_iter()
        .filter(|s| s.is_published(drafts))
        .collect();
    // Newest first; the slug breaks ties so the order never depends on the disk.
    published.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));

    let department_of: BTreeMap<&str, &str> = career
        .roles
        .iter()
        .map(|r| (r.id.as_str(), r.department.as_str()))
        .collect();
    let entries: Vec<Entry> = published
        .into_iter()
        .map(|story| {
            let mut roles: Vec<String> = Vec::new();
            for step in &story.journey {
                if roles.last() != Some(&step.role) {
                    roles.push(step.role.clone());
                }
            }
            let mut departments: Vec<String> = Vec::new();
            for role in &roles {
                if let Some(d) = department_of.get(role.as_str())
                    && !departments.iter().any(|x| x == d)
                {
                    departments.push(d.to_string());
                }
            }
            let months_to_first_move = first_move_months(&story);
            Entry {
                story,
                roles,
                departments,
                months_to_first_move,
            }
        })
        .collect();

    let mut site = Site {
        config,
        career,
        by_slug: BTreeMap::new(),
        by_role: BTreeMap::new(),
        by_department: BTreeMap::new(),
        by_tag: BTreeMap::new(),
        moves: BTreeMap::new(),
        collections: Vec::new(),
        entries: Vec::new(),
    };
    let mut move_months: BTreeMap<(String, String), Vec<i64>> = BTreeMap::new();
    for (i, e) in entries.iter().enumerate() {
        site.by_slug.insert(e.story.slug.clone(), i);
        for role in sorted_unique(&e.roles) {
            site.by_role.entry(role).or_default().push(i);
        }
        for dept in sorted_unique(&e.departments) {
            site.by_department.entry(dept).or_default().push(i);
        }
        let mut tags: BTreeMap<String, String> = BTreeMap::new();
        for name in &e.story.tags {
            let slug = slug::slugify(name);
            if !slug.is_empty() {
                tags.entry(slug).or_insert_with(|| name.clone());
            }
        }
        for (slug, name) in tags {
            site.by_tag
                .entry(slug)
                .or_insert_with(|| Tagged {
                    name,
                    stories: Vec::new(),
                })
                .stories
                .push(i);
        }
        for pair in e.story.journey.windows(2) {
            if pair[0].role != pair[1].role {
                let months = pair[0].from.months_until(pair[1].from);
                move_months
                    .entry((pair[0].role.clone(), pair[1].role.clone()))
                    .or_default()
                    .push(months);
            }
        }
    }
    for ((from, to), mut months) in move_months {
        let median_months = median(&mut months);
        let count = months.len();
        site.moves.insert(
            (from.clone(), to.clone()),
            Move {
                from,
                to,
                count,
                median_months,
            },
        );
    }
    site.collections = collections
        .into_iter()
        .map(|c| {
            let ids = c
                .stories
                .iter()
                .filter_map(|t| site.by_slug.get(&t.value).copied())
                .collect();
            (c, ids)
        })
        .collect();
    site.collections.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    site.entries = entries;
    site
}

fn sorted_unique(items: &[String]) -> Vec<String> {
    let mut v = items.to_vec();
    v.sort();
    v.dedup();
    v
}

/// Months from the start of the journey to the first change of role.
fn first_move_months(story: &Story) -> Option<i64> {
    let first = story.journey.first()?;
    let next = story.journey.iter().find(|s| s.role != first.role)?;
    Some(first.from.months_until(next.from))
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
