//! The journey-flow diagram of `/paths/`: a two-column Sankey laid out at
//! build time and drawn as inline SVG by the `partials/career-map.svg`
//! template (which a theme can override), so it shows without JavaScript.
//! Starting roles are on the left, current roles on the right, and each
//! band is as thick as the number of people who made that journey. Every
//! node links to its role page; a data table beside it on the page says the
//! same in words.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::render::context::{Urls, role_title};
use crate::routes::{Listing, Route};
use crate::site::Site;

/// One band: people who started in `from` and are now in `to`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Flow {
    pub from: String,
    pub to: String,
    pub count: usize,
}

/// A node's place in its column.
struct Node {
    id: String,
    count: usize,
    y: f64,
    height: f64,
    /// Index of its department, for its colour.
    department: usize,
}

const WIDTH: f64 = 960.0;
const LEFT_X: f64 = 250.0;
const RIGHT_X: f64 = 696.0;
const NODE_WIDTH: f64 = 14.0;
const GAP: f64 = 10.0;
const MIN_SLOT: f64 = 22.0;
const TOP: f64 = 16.0;
/// Colours cycle through this many department classes (`d0` ... in the CSS).
pub const PALETTE: usize = 8;

/// Start -> current role counts over all published stories, largest first.
pub fn flows(site: &Site) -> Vec<Flow> {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for e in &site.entries {
        *counts
            .entry((e.start_role(), e.destination_role()))
            .or_default() += 1;
    }
    let mut flows: Vec<Flow> = counts
        .into_iter()
        .map(|((from, to), count)| Flow {
            from: from.to_string(),
            to: to.to_string(),
            count,
        })
        .collect();
    flows.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then_with(|| (&a.from, &a.to).cmp(&(&b.from, &b.to)))
    });
    flows
}

/// Lays out one column: nodes sorted by department order, then size.
fn column(site: &Site, totals: BTreeMap<&str, usize>, unit: f64) -> Vec<Node> {
    let dept_index = |role: &str| {
        site.career
            .role(role)
            .and_then(|r| {
                site.career
                    .departments
                    .iter()
                    .position(|d| d.id == r.department)
            })
            .unwrap_or(0)
    };
    let mut nodes: Vec<Node> = totals
        .into_iter()
        .map(|(id, count)| Node {
            id: id.to_string(),
            count,
            y: 0.0,
            height: count as f64 * unit,
            department: dept_index(id),
        })
        .collect();
    nodes.sort_by(|a, b| {
        a.department
            .cmp(&b.department)
            .then(b.count.cmp(&a.count))
            .then_with(|| a.id.cmp(&b.id))
    });
    let mut y = TOP;
    for n in &mut nodes {
        let slot = n.height.max(MIN_SLOT);
        n.y = y + (slot - n.height) / 2.0;
        y += slot + GAP;
    }
    nodes
}

/// The diagram's layout, drawn by the `partials/career-map.svg` template.
/// Coordinates are formatted here, to one decimal, so the drawing is the
/// same on every machine whatever the template does with numbers.
#[derive(Debug, Serialize)]
pub struct CareerMap {
    pub width: String,
    pub height: String,
    pub bands: Vec<Band>,
    /// Starting roles, then current roles.
    pub nodes: Vec<MapNode>,
}

/// People who started in `from` and are now in `to`, as a filled curve.
#[derive(Debug, Serialize)]
pub struct Band {
    pub from: String,
    pub to: String,
    pub count: usize,
    /// The outline, for `<path d="...">`.
    pub path: String,
    /// Colour class number of the destination's department (`d0`...).
    pub colour: usize,
}

/// A role in one column, with its label.
#[derive(Debug, Serialize)]
pub struct MapNode {
    pub name: String,
    pub url: String,
    pub count: usize,
    pub colour: usize,
    pub x: String,
    pub y: String,
    pub width: String,
    pub height: String,
    pub label_x: String,
    pub label_y: String,
    /// `end` for the left column (labels to the left), `start` for the right.
    pub anchor: &'static str,
}

fn n(v: f64) -> String {
    format!("{v:.1}")
}

/// The diagram's layout; none when there are no stories.
pub fn layout(site: &Site, flows: &[Flow], urls: &Urls<'_>) -> Option<CareerMap> {
    let total: usize = flows.iter().map(|f| f.count).sum();
    if total == 0 {
        return None;
    }
    // Px per person: bands stay readable for 3 stories and for 3,000.
    let unit = (420.0 / total as f64).clamp(0.05, 28.0);
    let mut left_totals = BTreeMap::new();
    let mut right_totals = BTreeMap::new();
    for f in flows {
        *left_totals.entry(f.from.as_str()).or_insert(0) += f.count;
        *right_totals.entry(f.to.as_str()).or_insert(0) += f.count;
    }
    let left = column(site, left_totals, unit);
    let right = column(site, right_totals, unit);
    let bottom = |nodes: &[Node]| nodes.last().map_or(0.0, |n| n.y + n.height.max(MIN_SLOT));
    let height = bottom(&left).max(bottom(&right)) + TOP;
    let pos = |nodes: &[Node], id: &str| nodes.iter().position(|n| n.id == id).unwrap_or(0);

    // Bands, stacked at each end in the order of the node at the other end.
    let mut ordered: Vec<&Flow> = flows.iter().collect();
    ordered.sort_by_key(|f| (pos(&left, &f.from), pos(&right, &f.to)));
    let mut left_offset = vec![0.0; left.len()];
    let mut right_offset = vec![0.0; right.len()];
    let mut right_order: Vec<&Flow> = ordered.clone();
    right_order.sort_by_key(|f| (pos(&right, &f.to), pos(&left, &f.from)));
    let mut right_y = BTreeMap::new();
    for f in &right_order {
        let r = pos(&right, &f.to);
        right_y.insert(
            (f.from.as_str(), f.to.as_str()),
            right[r].y + right_offset[r],
        );
        right_offset[r] += f.count as f64 * unit;
    }
    // Right to left, starting roles are on the right: every x mirrored.
    // Labels keep their `text-anchor`, which right-to-left text reads
    // the other way round.
    let rtl = urls.languages.current().rtl;
    let mirror = |x: f64| if rtl { WIDTH - x } else { x };
    let mut bands = Vec::new();
    for f in &ordered {
        let l = pos(&left, &f.from);
        let h = f.count as f64 * unit;
        let y0 = left[l].y + left_offset[l];
        left_offset[l] += h;
        let y1 = right_y[&(f.from.as_str(), f.to.as_str())];
        let (x0, x1) = (mirror(LEFT_X + NODE_WIDTH), mirror(RIGHT_X));
        let xm = (x0 + x1) / 2.0;
        let (x0, x1, xm) = (n(x0), n(x1), n(xm));
        let (top0, top1, bottom0, bottom1) = (n(y0), n(y1), n(y0 + h), n(y1 + h));
        bands.push(Band {
            from: role_title(site, &f.from),
            to: role_title(site, &f.to),
            count: f.count,
            path: format!(
                "M{x0},{top0}C{xm},{top0} {xm},{top1} {x1},{top1}L{x1},{bottom1}C{xm},{bottom1} {xm},{bottom0} {x0},{bottom0}Z"
            ),
            colour: right[pos(&right, &f.to)].department % PALETTE,
        });
    }

    let mut nodes = Vec::new();
    for (column, x, anchor, label_x) in [
        (&left, LEFT_X, "end", LEFT_X - 8.0),
        (&right, RIGHT_X, "start", RIGHT_X + NODE_WIDTH + 8.0),
    ] {
        for node in column.iter() {
            nodes.push(MapNode {
                name: role_title(site, &node.id),
                url: urls.url(Route::Listing(Listing::Role(&node.id), 1)),
                count: node.count,
                colour: node.department % PALETTE,
                x: n(if rtl { WIDTH - x - NODE_WIDTH } else { x }),
                y: n(node.y),
                width: format!("{NODE_WIDTH}"),
                height: n(node.height.max(1.0)),
                label_x: n(mirror(label_x)),
                label_y: n(node.y + node.height / 2.0),
                anchor,
            });
        }
    }
    Some(CareerMap {
        width: format!("{WIDTH:.0}"),
        height: format!("{height:.0}"),
        bands,
        nodes,
    })
}
