//! Scaffolding: `launchpad new story NAME` for an alumna or alumnus opening
//! their first pull request, and `launchpad init DIR` for a new site. Both
//! write files that pass `launchpad check` as they are.

pub mod site;
pub mod story;

pub use site::init;
pub use story::new_story;

/// Where a new site's files point for help: the content format's page in
/// this project's repository, which a new site's repository can link to.
pub const DOCS: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/content.md");
