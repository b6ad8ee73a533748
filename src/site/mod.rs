//! Model: validated content -> the site as candidates see it. Only published
//! stories (consent given, not a draft unless `--drafts`) enter the model, so
//! nothing later can leak an unpublished story into a page, a feed or JSON.
//!
//! Every index is built in one pass over the stories (no stage is quadratic
//! in their number) and kept in sorted maps, so output never depends on hash
//! order.

pub(crate) mod stats;

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::types::{Career, Collection, Content, Opening, SiteConfig, Story};

pub use stats::{Headline, Move, median};

/// A published story and what the listings need to know about it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub story: Arc<Story>,
    /// Role ids of the journey in order, without repeats in a row.
    pub roles: Vec<String>,
    /// Department ids the journey passed through, in order of first visit.
    pub departments: Vec<String>,
    /// Months from the first step's start to the first change of role.
    pub months_to_first_move: Option<i64>,
    /// The story's tags as (slug, name as written), each slug once. Made
    /// once here because a story's card is shown on a dozen pages.
    pub tags: Vec<(String, String)>,
    /// Slug of the story's location: the key of its group and the value
    /// of the `loc` filter.
    pub location_id: Option<String>,
    /// The position in `site.languages` of the language the story is
    /// written in.
    pub language: usize,
}

impl Entry {
    pub fn start_role(&self) -> &str {
        self.roles.first().map_or("", String::as_str)
    }
    pub fn destination_role(&self) -> &str {
        self.roles.last().map_or("", String::as_str)
    }
    pub fn first_move(&self) -> Option<FirstMove> {
        self.months_to_first_move.map(FirstMove::of)
    }
}

/// How long a journey took to its first change of role: a filter facet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FirstMove {
    UnderOneYear,
    OneToTwo,
    TwoToFour,
    FourPlus,
}

impl FirstMove {
    pub const ALL: [FirstMove; 4] = [
        Self::UnderOneYear,
        Self::OneToTwo,
        Self::TwoToFour,
        Self::FourPlus,
    ];

    pub fn of(months: i64) -> FirstMove {
        match months {
            m if m < 12 => Self::UnderOneYear,
            m if m < 24 => Self::OneToTwo,
            m if m < 48 => Self::TwoToFour,
            _ => Self::FourPlus,
        }
    }

    /// The slug in URLs and `stories.json`.
    pub fn id(self) -> &'static str {
        match self {
            Self::UnderOneYear => "under-1-year",
            Self::OneToTwo => "1-2-years",
            Self::TwoToFour => "2-4-years",
            Self::FourPlus => "4-years-or-more",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::UnderOneYear => "Under 1 year",
            Self::OneToTwo => "1–2 years",
            Self::TwoToFour => "2–4 years",
            Self::FourPlus => "4 years or more",
        }
    }
}

/// Stories grouped under a name written in the content (a tag, a location).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// The name as first written in a story (newest first).
    pub name: String,
    pub stories: Vec<usize>,
}

/// The whole site, ready to render. Index values are positions in `entries`.
#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    pub career: Career,
    /// Newest first.
    pub entries: Vec<Entry>,
    pub by_slug: BTreeMap<String, usize>,
    /// Stories whose journey passes through the role.
    pub by_role: BTreeMap<String, Vec<usize>>,
    pub by_department: BTreeMap<String, Vec<usize>>,
    /// Stories whose current (last) role is the key.
    pub by_destination: BTreeMap<String, Vec<usize>>,
    /// Stories whose first role is the key.
    pub by_start: BTreeMap<String, Vec<usize>>,
    /// Keyed by the tag's slug (the URL of its page).
    pub by_tag: BTreeMap<String, Group>,
    /// Keyed by the location's slug.
    pub by_location: BTreeMap<String, Group>,
    pub by_first_move: BTreeMap<FirstMove, Vec<usize>>,
    /// Keyed by `(from, to)` role ids.
    pub moves: BTreeMap<(String, String), Move>,
    pub headline: Headline,
    pub collections: Vec<(Collection, Vec<usize>)>,
    pub openings: Openings,
}

/// The open positions and their indexes. Values are positions in `list`.
#[derive(Debug, Default)]
pub struct Openings {
    /// By department (in career.yaml order), role (in career.yaml order),
    /// title and location.
    pub list: Vec<Opening>,
    pub by_role: BTreeMap<String, Vec<usize>>,
    pub by_department: BTreeMap<String, Vec<usize>>,
    /// Keyed by the location's slug.
    pub by_location: BTreeMap<String, Group>,
}

impl Openings {
    pub fn of_role(&self, role: &str) -> &[usize] {
        self.by_role.get(role).map_or(&[], Vec::as_slice)
    }
}

/// Sorts the openings and indexes them.
fn openings(mut list: Vec<Opening>, career: &Career) -> Openings {
    let department_rank: BTreeMap<&str, usize> = career
        .departments
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let role_rank: BTreeMap<&str, usize> = career
        .roles
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.as_str(), i))
        .collect();
    let rank =
        |ranks: &BTreeMap<&str, usize>, id: &str| ranks.get(id).copied().unwrap_or(usize::MAX);
    list.sort_by_cached_key(|o| {
        (
            rank(&department_rank, &o.department),
            rank(&role_rank, &o.role),
            o.title.clone(),
            o.location.clone(),
            o.url.clone(),
        )
    });
    let mut out = Openings::default();
    for (i, o) in list.iter().enumerate() {
        out.by_role.entry(o.role.clone()).or_default().push(i);
        out.by_department
            .entry(o.department.clone())
            .or_default()
            .push(i);
        add_to_group(
            &mut out.by_location,
            crate::routes::segment(&o.location),
            &o.location,
            i,
        );
    }
    out.list = list;
    out
}

pub fn model(content: Content, drafts: bool) -> Site {
    model_with(content, drafts, None)
}

/// `model`, reusing the indexes and figures of `previous` (the model of
/// the last rebuild) when no story's place in them changed: then only the
/// stories, settings, career and collections are replaced. A save to a
/// story's text costs `serve` this instead of indexing every story again.
pub fn model_with(content: Content, drafts: bool, previous: Option<Site>) -> Site {
    let Content {
        site: config,
        career,
        stories,
        collections,
        openings: open_positions,
        languages: _,
    } = content;
    let open_positions = openings(open_positions, &career);
    let mut published: Vec<Arc<Story>> = stories
        .into_iter()
        .filter(|s| s.is_published(drafts))
        .collect();
    // Newest first; the slug breaks ties so the order never depends on the disk.
    published.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug.cmp(&b.slug)));
    if let Some(mut site) = previous
        && site.career == career
        && site.entries.len() == published.len()
        && site
            .entries
            .par_iter()
            .zip(published.par_iter())
            .all(|(e, s)| Arc::ptr_eq(&e.story, s) || place(&e.story) == place(s))
    {
        for (e, s) in site.entries.iter_mut().zip(published) {
            e.language = config.language_of(&s);
            e.story = s;
        }
        site.config = config;
        site.collections = collection_members(collections, &site.by_slug);
        site.openings = open_positions;
        return site;
    }

    let department_of: BTreeMap<&str, &str> = career
        .roles
        .iter()
        .map(|r| (r.id.as_str(), r.department.as_str()))
        .collect();
    // In parallel: slugging every story's tags and location is most of
    // the model's time on a large site.
    let entries: Vec<Entry> = published
        .into_par_iter()
        .map(|story| {
            let language = config.language_of(&story);
            entry(story, &department_of, language)
        })
        .collect();

    let mut site = Site {
        config,
        by_slug: BTreeMap::new(),
        by_role: BTreeMap::new(),
        by_department: BTreeMap::new(),
        by_destination: BTreeMap::new(),
        by_start: BTreeMap::new(),
        by_tag: BTreeMap::new(),
        by_location: BTreeMap::new(),
        by_first_move: BTreeMap::new(),
        moves: stats::moves(&entries),
        headline: stats::headline(&entries, &department_of),
        collections: Vec::new(),
        entries: Vec::new(),
        career: Career::default(),
        openings: open_positions,
    };
    for (i, e) in entries.iter().enumerate() {
        site.by_slug.insert(e.story.slug.clone(), i);
        for role in sorted_unique(&e.roles) {
            site.by_role.entry(role).or_default().push(i);
        }
        for dept in sorted_unique(&e.departments) {
            site.by_department.entry(dept).or_default().push(i);
        }
        site.by_destination
            .entry(e.destination_role().to_string())
            .or_default()
            .push(i);
        site.by_start
            .entry(e.start_role().to_string())
            .or_default()
            .push(i);
        for (slug, name) in &e.tags {
            add_to_group(&mut site.by_tag, slug.clone(), name, i);
        }
        if let (Some(location), Some(id)) = (&e.story.location, &e.location_id) {
            add_to_group(&mut site.by_location, id.clone(), location, i);
        }
        if let Some(bucket) = e.first_move() {
            site.by_first_move.entry(bucket).or_default().push(i);
        }
    }
    site.collections = collection_members(collections, &site.by_slug);
    site.entries = entries;
    site.career = career;
    site
}

/// Each collection with the positions of its published stories, by id.
fn collection_members(
    collections: Vec<Collection>,
    by_slug: &BTreeMap<String, usize>,
) -> Vec<(Collection, Vec<usize>)> {
    let mut members: Vec<(Collection, Vec<usize>)> = collections
        .into_iter()
        .map(|c| {
            let ids = c
                .stories
                .iter()
                .filter_map(|t| by_slug.get(&t.value).copied())
                .collect();
            (c, ids)
        })
        .collect();
    members.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    members
}

/// A story's place in the indexes and figures, as bytes: everything
/// `entry`, the indexes and `stats` read of a story (slug, date, journey
/// roles and dates, tags, location). Versions with the same place index
/// alike, so the model of one serves the other; the page plan hashes it.
pub fn place(story: &Story) -> Vec<u8> {
    let mut out = Vec::with_capacity(256);
    let mut part = |bytes: &[u8]| {
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        out.extend_from_slice(bytes);
    };
    part(story.slug.as_bytes());
    part(&story.date.year().to_le_bytes());
    part(&[story.date.month() as u8, story.date.day() as u8]);
    for step in &story.journey {
        part(step.role.as_bytes());
        for month in std::iter::once(step.from).chain(step.to) {
            part(&month.year.to_le_bytes());
            part(&month.month.to_le_bytes());
        }
    }
    part(b"tags");
    for tag in &story.tags {
        part(tag.as_bytes());
    }
    part(story.location.as_deref().unwrap_or("\0").as_bytes());
    out
}

fn entry(story: Arc<Story>, department_of: &BTreeMap<&str, &str>, language: usize) -> Entry {
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
    let months_to_first_move = story.journey.first().and_then(|first| {
        let next = story.journey.iter().find(|s| s.role != first.role)?;
        Some(first.from.months_until(next.from))
    });
    let mut tags: Vec<(String, String)> = Vec::with_capacity(story.tags.len());
    let mut seen = std::collections::HashSet::new();
    for name in &story.tags {
        let slug = crate::routes::segment(name);
        if !slug.is_empty() && seen.insert(slug.clone()) {
            tags.push((slug, name.clone()));
        }
    }
    let location_id = story.location.as_deref().map(crate::routes::segment);
    Entry {
        story,
        roles,
        departments,
        months_to_first_move,
        tags,
        location_id,
        language,
    }
}

/// Adds story `i` to the group `slug` (of `name`), once per story.
fn add_to_group(groups: &mut BTreeMap<String, Group>, slug: String, name: &str, i: usize) {
    if slug.is_empty() {
        return;
    }
    let group = groups.entry(slug).or_insert_with(|| Group {
        name: name.trim().to_string(),
        stories: Vec::new(),
    });
    if group.stories.last() != Some(&i) {
        group.stories.push(i);
    }
}

fn sorted_unique(items: &[String]) -> Vec<String> {
    let mut v = items.to_vec();
    v.sort();
    v.dedup();
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_moves_fall_in_the_buckets_candidates_filter_by() {
        assert_eq!(FirstMove::of(0), FirstMove::UnderOneYear);
        assert_eq!(FirstMove::of(11), FirstMove::UnderOneYear);
        assert_eq!(FirstMove::of(12), FirstMove::OneToTwo);
        assert_eq!(FirstMove::of(47), FirstMove::TwoToFour);
        assert_eq!(FirstMove::of(48), FirstMove::FourPlus);
    }

    #[test]
    fn a_tag_written_twice_in_one_story_counts_once() {
        let mut groups = BTreeMap::new();
        for (name, i) in [("Night Shift", 0), ("night-shift", 0), ("night-shift", 1)] {
            add_to_group(&mut groups, crate::routes::segment(name), name, i);
        }
        assert_eq!(groups["night-shift"].stories, vec![0, 1]);
        assert_eq!(groups["night-shift"].name, "Night Shift");
    }
}
