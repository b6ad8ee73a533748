//! `launchpad openings pull` against a local HTTP server that answers in
//! the documented shapes of Greenhouse's Job Board API and Lever's
//! postings API, and fails in each way a real board can: an error status,
//! a board too slow to answer, and an answer that is not its JSON. Every
//! failure leaves `content/openings.yaml` byte for byte as it was.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::time::Duration;

use common::TestSite;

/// How the server answers one path.
#[derive(Clone)]
struct Answer {
    status: u16,
    body: String,
    delay: Duration,
}

fn ok(body: &str) -> Answer {
    Answer {
        status: 200,
        body: body.to_string(),
        delay: Duration::ZERO,
    }
}

/// Serves `routes` (path prefix -> answer) on a free port until the test
/// ends; returns its address.
fn serve(routes: Vec<(&'static str, Answer)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let routes = routes.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request = String::new();
                let _ = reader.read_line(&mut request);
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                }
                let path = request.split(' ').nth(1).unwrap_or("/").to_string();
                let answer = routes
                    .iter()
                    .find(|(prefix, _)| path.starts_with(prefix))
                    .map_or_else(|| ok("not here").with_status(404), |(_, a)| a.clone());
                std::thread::sleep(answer.delay);
                let mut stream = stream;
                let _ = write!(
                    stream,
                    "HTTP/1.1 {} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
                    answer.status,
                    answer.body.len(),
                    answer.body
                );
            });
        }
    });
    format!("http://{addr}")
}

impl Answer {
    fn with_status(mut self, status: u16) -> Answer {
        self.status = status;
        self
    }
}

/// Greenhouse's `GET /v1/boards/{token}/jobs?content=true`, as documented
/// (fields the pull does not read trimmed).
const GREENHOUSE: &str = r#"{
  "jobs": [
    {
      "id": 127817,
      "internal_job_id": 144381,
      "title": "Customer Service Agent (Portuguese)",
      "updated_at": "2026-11-20T15:53:09-05:00",
      "first_published": "2026-11-18T10:00:00-05:00",
      "requisition_id": "50",
      "location": { "name": "Lisbon, Portugal" },
      "absolute_url": "https://boards.greenhouse.io/exampletelecom/jobs/127817",
      "language": "en",
      "metadata": null,
      "content": "&lt;p&gt;Answer calls&lt;/p&gt;",
      "departments": [{ "id": 7, "name": "Customer Care", "parent_id": null, "child_ids": [] }],
      "offices": [{ "id": 3, "name": "Lisbon", "location": "Lisbon, Portugal" }]
    },
    {
      "id": 127818,
      "title": "Senior Data Scientist",
      "updated_at": "2026-11-21T09:00:00-05:00",
      "location": { "name": "Remote" },
      "absolute_url": "https://boards.greenhouse.io/exampletelecom/jobs/127818",
      "departments": []
    },
    {
      "id": 127819,
      "title": "Team Lead, \"Night\" Shift",
      "updated_at": "2026-11-22T09:00:00-05:00",
      "location": { "name": "Porto, Portugal" },
      "absolute_url": "https://boards.greenhouse.io/exampletelecom/jobs/127819",
      "departments": []
    }
  ],
  "meta": { "total": 3 }
}"#;

/// Lever's `GET /v0/postings/{company}?mode=json`, as documented.
const LEVER: &str = r#"[
  {
    "id": "5ac21346-8e0c-4494-8e7a-3eb92ff77902",
    "text": "Customer Service Agent (English)",
    "categories": {
      "commitment": "Full-time",
      "department": "Operations",
      "location": "Dublin, Ireland",
      "team": "Night shift"
    },
    "country": "IE",
    "createdAt": 1763971200000,
    "descriptionPlain": "Answer calls.",
    "hostedUrl": "https://jobs.lever.co/exampletelecom/5ac21346-8e0c-4494-8e7a-3eb92ff77902",
    "applyUrl": "https://jobs.lever.co/exampletelecom/5ac21346-8e0c-4494-8e7a-3eb92ff77902/apply",
    "workplaceType": "onsite"
  }
]"#;

fn pull(site: &TestSite, server: &str, timeout: &str) -> common::Run {
    site.run(&[
        "openings",
        "pull",
        "--timeout",
        timeout,
        "--greenhouse-api",
        &format!("{server}/gh"),
        "--lever-api",
        &format!("{server}/lever"),
    ])
}

fn openings_bytes(site: &TestSite) -> Vec<u8> {
    std::fs::read(site.path("content/openings.yaml")).unwrap()
}

#[test]
fn pulled_postings_are_mapped_to_roles_and_the_site_builds_with_them() {
    let server = serve(vec![
        ("/gh/v1/boards/exampletelecom/jobs", ok(GREENHOUSE)),
        ("/lever/v0/postings/exampletelecom", ok(LEVER)),
    ]);
    let site = TestSite::fixture("alumni");
    let run = pull(&site, &server, "5");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let file = std::fs::read_to_string(site.path("content/openings.yaml")).unwrap();
    assert!(file.contains("- title: \"Customer Service Agent (Portuguese)\"\n  role: agent\n  location: \"Lisbon, Portugal\"\n  url: \"https://boards.greenhouse.io/exampletelecom/jobs/127817\"\n  team: \"Customer Care\"\n  posted: 2026-11-18\n"), "{file}");
    assert!(file.contains("  role: team-lead\n"), "{file}");
    assert!(
        file.contains("\"Team Lead, \\\"Night\\\" Shift\""),
        "{file}"
    );
    assert!(
        file.contains("  employment_type: \"Full-time\"\n  posted: 2025-11-24\n"),
        "{file}"
    );
    // The posting no rule matches is listed, in the output and the file.
    assert!(
        run.stderr.contains("Senior Data Scientist (Remote)"),
        "{}",
        run.stderr
    );
    assert!(file.contains("#   Senior Data Scientist (Remote) https://boards.greenhouse.io/exampletelecom/jobs/127818"), "{file}");
    assert_eq!(file.matches("- title:").count(), 3, "{file}");

    let checked = site.check_json();
    assert_eq!(checked.code, 0, "{}", checked.stdout);
    assert_eq!(site.build().code, 0);
    let openings = site.read("openings/index.html");
    assert!(openings.contains("jobs/127817"));
    assert!(openings.contains("5ac21346-8e0c-4494-8e7a-3eb92ff77902"));

    let again = pull(&site, &server, "5");
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stderr.contains("up to date"), "{}", again.stderr);
}

/// Pulls with one board failing as `answer` says, and asserts the pull
/// fails with `message` and leaves the file as it was.
fn fails_leaving_the_file(answer: Answer, timeout: &str, message: &str) {
    let server = serve(vec![
        ("/gh/v1/boards/exampletelecom/jobs", ok(GREENHOUSE)),
        ("/lever/v0/postings/exampletelecom", answer),
    ]);
    let site = TestSite::fixture("alumni");
    let before = openings_bytes(&site);
    let run = pull(&site, &server, timeout);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(message), "{}", run.stderr);
    assert_eq!(openings_bytes(&site), before, "the file is unchanged");
    let leftovers: Vec<_> = std::fs::read_dir(site.path("content"))
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("tmp"))
        .collect();
    assert!(leftovers.is_empty(), "no temporary file is left");
}

#[test]
fn an_error_status_leaves_the_openings_file_as_it_was() {
    fails_leaving_the_file(ok("{}").with_status(503), "5", "answered HTTP 503");
}

#[test]
fn a_board_that_does_not_exist_says_to_check_its_name() {
    fails_leaving_the_file(
        ok("{}").with_status(404),
        "5",
        "check the board name in content/site.yaml",
    );
}

#[test]
fn a_board_too_slow_to_answer_times_out_and_leaves_the_file_as_it_was() {
    let slow = Answer {
        delay: Duration::from_secs(4),
        ..ok(LEVER)
    };
    fails_leaving_the_file(slow, "1", "did not answer within 1 s");
}

#[test]
fn an_answer_that_is_not_the_boards_json_leaves_the_file_as_it_was() {
    fails_leaving_the_file(
        ok("<html>maintenance</html>"),
        "5",
        "did not answer with Lever's postings",
    );
    fails_leaving_the_file(
        ok(r#"[{"text": "Agent"}]"#),
        "5",
        "did not answer with Lever's postings",
    );
}

#[test]
fn a_site_without_a_board_is_told_how_to_name_one() {
    let site = TestSite::fixture("minimal");
    let run = site.run(&["openings", "pull"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("names no job board"), "{}", run.stderr);
}
