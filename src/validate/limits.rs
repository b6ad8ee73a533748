//! Limits on what one story may hold. Each is far above what a real story
//! needs (the longest name in the example site is 16 characters); each
//! keeps a single pull request from costing the build, or CI, time and
//! memory out of all proportion, and keeps every output file name within
//! what file systems allow. `check` and `build` report them alike, as
//! errors on the value. docs/content.md ("Limits") lists them.

use crate::content::yaml::Node;
use crate::diagnostics::Reporter;
use crate::validate::fields::Text;

/// Characters in a name, a location or a journey step's title.
pub const NAME_CHARS: usize = 80;
pub const LOCATION_CHARS: usize = 80;
pub const TITLE_CHARS: usize = 100;
pub const HEADLINE_CHARS: usize = 200;
pub const QUOTE_CHARS: usize = 600;
pub const PHOTO_ALT_CHARS: usize = 300;
pub const NOTE_CHARS: usize = 500;
pub const LABEL_CHARS: usize = 100;
pub const URL_CHARS: usize = 2000;
/// Characters in one tag or skill.
pub const TAG_CHARS: usize = 40;
/// Tags (and skills) on one story.
pub const TAGS: usize = 30;
pub const JOURNEY_STEPS: usize = 40;
pub const LINKS: usize = 20;
/// Characters in a story's slug: it names a folder and, with a hash, the
/// share card's file, both under the 255 bytes a file name may have.
pub const SLUG_CHARS: usize = 80;

/// `t`, or an error on it when it has more than `max` characters.
pub fn chars(t: Text, key: &str, max: usize, r: &mut Reporter<'_>) -> Option<Text> {
    // Counting stops just past the limit: a megabyte value costs no more
    // than a short one.
    if t.value.chars().nth(max).is_none() {
        return Some(t);
    }
    let n = t.value.chars().count();
    r.error(
        t.pos,
        "too-long",
        format!("`{key}` has {n} characters; the most it may have is {max}"),
    )
    .help(format!("shorten it to {max} characters or fewer"));
    None
}

/// Whether a list has at most `max` items, reporting it on the list if not.
pub fn count(node: Option<&Node>, len: usize, key: &str, max: usize, r: &mut Reporter<'_>) -> bool {
    if len <= max {
        return true;
    }
    let pos = node.map_or(crate::diagnostics::Pos::START, |n| n.pos);
    r.error(
        pos,
        "too-many",
        format!("`{key}` has {len} items; the most a story may have is {max}"),
    )
    .help(format!("keep the {max} that matter most"));
    false
}
