//! The journey-flow diagram of `/paths/`: a two-column Sankey drawn at build
//! time as inline SVG, so it shows without JavaScript. Starting roles are on
//! the left, current roles on the right, and each band is as thick as the
//! number of people who made that journey. Every node links to its role
//! page; a data table beside it on the page says the same in words.

use std::collections::BTreeMap;
use std::fmt::Write as _;

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

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn people(n: usize) -> String {
    if n == 1 {
        "1 person".into()
    } else {
        format!("{n} people")
    }
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

/// The diagram as an SVG element; empty when there are no stories.
pub fn svg(site: &Site, flows: &[Flow], base_path: &str) -> String {
    let total: usize = flows.iter().map(|f| f.count).sum();
    if total == 0 {
        return String::new();
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

    let mut out = String::new();
    let _ = write!(
        out,
        r#"<svg class="sankey" viewBox="0 0 {WIDTH} {height:.0}" width="{WIDTH}" height="{height:.0}" role="group" aria-labelledby="sankey-title"><title id="sankey-title">Where people who started in each role are now</title>"#
    );

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
    out.push_str(r#"<g class="bands">"#);
    for f in &ordered {
        let l = pos(&left, &f.from);
        let h = f.count as f64 * unit;
        let y0 = left[l].y + left_offset[l];
        left_offset[l] += h;
        let y1 = right_y[&(f.from.as_str(), f.to.as_str())];
        let (x0, x1) = (LEFT_X + NODE_WIDTH, RIGHT_X);
        let xm = (x0 + x1) / 2.0;
        let _ = write!(
            out,
            r#"<path class="band d{}" d="M{x0:.1},{y0:.1}C{xm:.1},{y0:.1} {xm:.1},{y1:.1} {x1:.1},{y1:.1}L{x1:.1},{:.1}C{xm:.1},{:.1} {xm:.1},{:.1} {x0:.1},{:.1}Z"><title>{} → {}: {}</title></path>"#,
            right[pos(&right, &f.to)].department % PALETTE,
            y1 + h,
            y1 + h,
            y0 + h,
            y0 + h,
            escape(&role_name(site, &f.from)),
            escape(&role_name(site, &f.to)),
            people(f.count),
        );
    }
    out.push_str("</g>");

    for (nodes, x, anchor, label_x) in [
        (&left, LEFT_X, "end", LEFT_X - 8.0),
        (&right, RIGHT_X, "start", RIGHT_X + NODE_WIDTH + 8.0),
    ] {
        for n in nodes.iter() {
            let name = escape(&role_name(site, &n.id));
            let _ = write!(
                out,
                r#"<a href="{}roles/{}/" aria-label="{name}: {}"><rect class="node d{}" x="{x:.1}" y="{:.1}" width="{NODE_WIDTH}" height="{:.1}"/><text x="{label_x:.1}" y="{:.1}" text-anchor="{anchor}" dominant-baseline="middle">{name} <tspan class="count">{}</tspan></text></a>"#,
                escape(base_path),
                n.id,
                people(n.count),
                n.department % PALETTE,
                n.y,
                n.height.max(1.0),
                n.y + n.height / 2.0,
                n.count,
            );
        }
    }
    out.push_str("</svg>");
    out
}

fn role_name(site: &Site, id: &str) -> String {
    site.career
        .role(id)
        .map_or_else(|| id.to_string(), |r| r.title.clone())
}
