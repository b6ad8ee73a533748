//! A synthetic launchpad site for benchmarks, deterministic for a seed:
//! `cargo run --release --example gen_site -- --stories N --photos P --seed S DIR`
//!
//! Writes DIR/content/ with a career catalogue of 8 departments and 40
//! roles with transitions, N stories of 300-900 words of Markdown each
//! (headings, lists, emphasis, links, a quote), collections, and P of the
//! stories as bundles with a 1600x1200 JPEG. It also writes DIR/photos.txt,
//! the photo paths, for benchmark scripts that feed the same photos to Hugo.
//! With `--openings O`, it also writes O open positions across the roles
//! and 12 cities to content/openings.yaml; the stories are the same either
//! way, so a site with openings can be timed against one without.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;

/// SplitMix64: a small, well-known generator, so no dependency is needed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

const DEPARTMENTS: [&str; 8] = [
    "Customer Care",
    "Quality",
    "People",
    "Marketing",
    "Product",
    "Finance",
    "IT",
    "Sales",
];
const ROLE_WORDS: [&str; 5] = ["Associate", "Specialist", "Analyst", "Lead", "Manager"];
const FIRST: [&str; 24] = [
    "Maria", "João", "Amara", "Tomasz", "Siobhán", "Lucas", "Priya", "Zoë", "Kwame", "Ana",
    "Daniel", "Fatima", "Marek", "Chloé", "Ines", "Omar", "Yuki", "Leila", "Pavel", "Nadia", "Rui",
    "Aoife", "Emeka", "Sofia",
];
const LAST: [&str; 20] = [
    "Santos",
    "Pereira",
    "Okafor",
    "Nowak",
    "Kelly",
    "Ferreira",
    "Raman",
    "Martin",
    "Mensah",
    "Conceição",
    "Murphy",
    "El Amrani",
    "Kowalczyk",
    "Dubois",
    "Silva",
    "Haddad",
    "Tanaka",
    "Rossi",
    "Novak",
    "Byrne",
];
const CITIES: [&str; 8] = [
    "Lisbon, Portugal",
    "Porto, Portugal",
    "Dublin, Ireland",
    "Manchester, United Kingdom",
    "Kraków, Poland",
    "Madrid, Spain",
    "Berlin, Germany",
    "Cork, Ireland",
];
const TAGS: [&str; 12] = [
    "night-shift",
    "mentoring",
    "loan-program",
    "came-back",
    "leadership",
    "data",
    "training",
    "multilingual",
    "technical-support",
    "writing",
    "code-path",
    "quality",
];
const WORDS: [&str; 40] = [
    "customer",
    "call",
    "team",
    "learned",
    "queue",
    "shift",
    "coaching",
    "product",
    "quality",
    "billing",
    "network",
    "manager",
    "loan",
    "program",
    "listened",
    "helped",
    "problem",
    "solved",
    "skills",
    "confidence",
    "training",
    "feedback",
    "data",
    "spreadsheet",
    "escalation",
    "colleagues",
    "mentor",
    "process",
    "improve",
    "chat",
    "email",
    "language",
    "schedule",
    "forecast",
    "interview",
    "project",
    "launch",
    "support",
    "growth",
    "career",
];

fn sentence(rng: &mut Rng, words: usize) -> String {
    let mut s = String::new();
    for i in 0..words {
        let w = *rng.pick(&WORDS);
        if i == 0 {
            let mut c = w.chars();
            s.extend(c.next().map(|c| c.to_ascii_uppercase()));
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            match rng.below(14) {
                0 => write!(s, "*{w}*").unwrap(),
                1 => write!(s, "**{w}**").unwrap(),
                2 => write!(s, "[{w}](https://example.com/{w})").unwrap(),
                _ => s.push_str(w),
            }
        }
    }
    s.push('.');
    s
}

/// 300-900 words: paragraphs, two headings, a list and a quote.
fn body(rng: &mut Rng) -> String {
    let target = 300 + rng.below(601);
    let mut out = String::new();
    let mut words = 0;
    let mut part = 0;
    while words < target {
        match part % 5 {
            1 => out.push_str(&format!(
                "## {}\n\n",
                sentence(rng, 3).trim_end_matches('.')
            )),
            3 => {
                for _ in 0..3 {
                    out.push_str(&format!("- {}\n", sentence(rng, 6)));
                    words += 6;
                }
                out.push('\n');
            }
            4 => {
                out.push_str(&format!("> {}\n\n", sentence(rng, 12)));
                words += 12;
            }
            _ => {
                let n = 40 + rng.below(60);
                let para: Vec<String> = (0..n / 10).map(|_| sentence(rng, 10)).collect();
                out.push_str(&para.join(" "));
                out.push_str("\n\n");
                words += n;
            }
        }
        part += 1;
    }
    out
}

/// A 1600x1200 photo-like JPEG: sky, hills, a figure, and grain.
fn photo(rng: &mut Rng) -> Vec<u8> {
    let (w, h) = (1600u32, 1200u32);
    let hue = [rng.unit(), rng.unit(), rng.unit()];
    let hill = 500.0 + rng.unit() * 300.0;
    let (cx, cy, r) = (
        400.0 + rng.unit() * 800.0,
        500.0 + rng.unit() * 300.0,
        120.0 + rng.unit() * 120.0,
    );
    let mut seed = rng.next();
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let grain = (seed % 24) as f32 - 12.0;
        let (fx, fy) = (x as f32, y as f32);
        let ground = hill + 60.0 * (fx / 170.0).sin();
        let base = if ((fx - cx).powi(2) + (fy - cy).powi(2)).sqrt() < r {
            [150.0 + 80.0 * hue[0], 110.0, 90.0]
        } else if fy > ground {
            [60.0 + 90.0 * hue[1], 110.0 + 60.0 * hue[2], 50.0]
        } else {
            let t = fy / ground;
            [120.0 + 100.0 * t, 160.0 + 60.0 * t, 230.0 - 20.0 * hue[0]]
        };
        image::Rgb(base.map(|c| (c + grain).clamp(0.0, 255.0) as u8))
    });
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
        .encode_image(&img)
        .unwrap();
    out
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut stories, mut photos, mut seed, mut dir) = (1000usize, 0usize, 1u64, None);
    let mut openings = 0usize;
    let mut translate: Option<String> = None;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--stories" => {
                stories = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--stories N")
            }
            "--photos" => {
                photos = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--photos P")
            }
            "--seed" => seed = args.next().and_then(|v| v.parse().ok()).expect("--seed S"),
            "--openings" => {
                openings = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--openings O")
            }
            "--translate" => translate = Some(args.next().expect("--translate LANGUAGE")),
            other => dir = Some(other.to_string()),
        }
    }
    let dir = dir.expect(
        "usage: gen_site [--stories N] [--photos P] [--seed S] [--openings O] [--translate LANGUAGE] DIR",
    );
    let root = Path::new(&dir);
    let _ = fs::remove_dir_all(root.join("content"));
    fs::create_dir_all(root.join("content/stories")).unwrap();
    fs::create_dir_all(root.join("content/collections")).unwrap();
    let mut rng = Rng(seed);
    // Translations come from a generator of their own, so the stories are
    // the same with and without them.
    let mut words_rng = Rng(seed ^ 0x7472_616e_736c_6174);

    let languages = match &translate {
        Some(tag) => format!("languages: [en, {tag}]\n"),
        None => String::new(),
    };
    fs::write(
        root.join("content/site.yaml"),
        format!("title: \"Careers that start on the phones\"\ncompany: \"Benchmark Telecom\"\nbase_url: \"https://careers.example.com/alumni/\"\n{languages}description: \"A generated site for benchmarks.\"\nentry_roles: [agent]\nshare:\n  utm_source: recruiter\n"),
    )
    .unwrap();

    // 8 departments of 5 roles; `agent` is the entry role of the first.
    let mut career = String::from("departments:\n");
    let mut roles: Vec<(String, usize)> = Vec::new();
    for (d, name) in DEPARTMENTS.iter().enumerate() {
        writeln!(career, "  - id: dept-{d}\n    name: {name}").unwrap();
        for k in 0..ROLE_WORDS.len() {
            let id = if d == 0 && k == 0 {
                "agent".to_string()
            } else {
                format!("role-{d}-{k}")
            };
            roles.push((id, d));
        }
    }
    career.push_str("roles:\n");
    for (i, (id, d)) in roles.iter().enumerate() {
        let title = if id == "agent" {
            "Customer Service Agent".to_string()
        } else {
            format!("{} {}", DEPARTMENTS[*d], ROLE_WORDS[i % 5])
        };
        writeln!(career, "  - id: {id}\n    title: {title}\n    department: dept-{d}\n    summary: \"What a {title} does, in one line.\"").unwrap();
    }
    career.push_str("programs:\n  - id: loan\n    name: Department loan program\n    duration_months: [3, 6]\ntransitions:\n");
    for i in 1..roles.len() {
        let from = if i % 5 == 0 {
            "agent".to_string()
        } else {
            roles[i - 1].0.clone()
        };
        writeln!(career, "  - from: {from}\n    to: {}\n    typical_months: {}\n    requirements: [\"12 months in role\"]", roles[i].0, 12 + i % 24).unwrap();
        if i % 3 == 0 {
            career.push_str("    program: loan\n");
        }
    }
    fs::write(root.join("content/career.yaml"), career).unwrap();

    let mut photo_paths = String::new();
    let mut slugs = Vec::new();
    for n in 0..stories {
        let name = format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST));
        let slug = format!("story-{n:05}");
        let dept = 1 + rng.below(7);
        let steps = 2 + rng.below(3);
        let mut year = 2008 + rng.below(10) as i32;
        let mut month = 1 + rng.below(12) as i32;
        let mut journey = String::new();
        for s in 0..steps {
            let role = if s == 0 {
                "agent".to_string()
            } else {
                format!("role-{dept}-{}", (s + rng.below(2)).min(4))
            };
            write!(
                journey,
                "  - role: {role}\n    from: {year:04}-{month:02}\n"
            )
            .unwrap();
            let months = 6 + rng.below(30) as i32;
            month += months;
            year += (month - 1) / 12;
            month = (month - 1) % 12 + 1;
            if s + 1 < steps {
                writeln!(journey, "    to: {year:04}-{month:02}").unwrap();
            }
        }
        let tags: Vec<&str> = (0..3).map(|_| *rng.pick(&TAGS)).collect();
        let front = format!(
            "name: {name}\nheadline: \"{} from the phones to {}\"\nconsent: true\ndate: 2025-{:02}-{:02}\nlocation: {}\nquote: \"{}\"\njourney:\n{journey}tags: [{}]\nskills: [empathy, SQL]\n",
            name.split(' ').next().unwrap_or_default(),
            DEPARTMENTS[dept],
            1 + n % 12,
            1 + n % 28,
            rng.pick(&CITIES),
            sentence(&mut rng, 9),
            tags.join(", ")
        );
        let text = body(&mut rng);
        // Every story translated: its words in the other language, of
        // about the same length; its facts left to the original.
        let translation = translate.as_ref().map(|tag| {
            let file = format!(
                "---\nheadline: \"{}\"\nquote: \"{}\"\nphoto_alt: {name}\n---\n\n{}",
                (0..8)
                    .map(|_| *words_rng.pick(&WORDS))
                    .collect::<Vec<_>>()
                    .join(" "),
                sentence(&mut words_rng, 9),
                body(&mut words_rng)
            );
            (tag.to_ascii_lowercase(), file)
        });
        if n < photos {
            let bundle = root.join("content/stories").join(&slug);
            fs::create_dir_all(&bundle).unwrap();
            fs::write(bundle.join("photo.jpg"), photo(&mut rng)).unwrap();
            fs::write(
                bundle.join("index.md"),
                format!("---\n{front}photo: photo.jpg\nphoto_alt: {name} at work\n---\n\n{text}"),
            )
            .unwrap();
            if let Some((tag, file)) = &translation {
                fs::write(bundle.join(format!("index.{tag}.md")), file).unwrap();
            }
            writeln!(photo_paths, "content/stories/{slug}/photo.jpg").unwrap();
        } else {
            fs::write(
                root.join("content/stories").join(format!("{slug}.md")),
                format!("---\n{front}---\n\n{text}"),
            )
            .unwrap();
            if let Some((tag, file)) = &translation {
                let translated = format!("{slug}.{tag}.md");
                // A story without a photo has no photo to describe.
                let file = file.replace(&format!("photo_alt: {name}\n"), "");
                fs::write(root.join("content/stories").join(translated), file).unwrap();
            }
        }
        slugs.push(slug);
    }
    for c in 0..3 {
        let picks: Vec<&str> = slugs
            .iter()
            .skip(c)
            .step_by(3)
            .take(12)
            .map(String::as_str)
            .collect();
        fs::write(
            root.join(format!("content/collections/picks-{c}.yaml")),
            format!(
                "title: Recruiter picks {c}\nintro: A generated collection.\nstories: [{}]\n",
                picks.join(", ")
            ),
        )
        .unwrap();
    }
    fs::write(root.join("photos.txt"), photo_paths).unwrap();
    if openings > 0 {
        write_openings(root, openings, &roles, seed);
    }
    eprintln!(
        "wrote {stories} stories ({photos} with photos) to {}",
        root.display()
    );
}

/// `count` openings, a third of them for the entry role, from a generator
/// of their own so the stories do not change with them.
fn write_openings(root: &Path, count: usize, roles: &[(String, usize)], seed: u64) {
    let mut rng = Rng(seed ^ 0x6f70_656e_696e_6773);
    let mut out = String::new();
    for i in 0..count {
        let (role, d) = if i % 3 == 0 {
            &roles[0]
        } else {
            rng.pick(roles)
        };
        let city = rng.pick(&CITIES);
        writeln!(
            out,
            "- title: \"{} {} #{i}\"\n  role: {role}\n  location: \"{city}\"\n  url: \"https://boards.greenhouse.io/bench/jobs/{}\"\n  employment_type: Full-time\n  posted: 2026-{:02}-{:02}",
            DEPARTMENTS[*d],
            ROLE_WORDS[i % 5],
            100_000 + i,
            1 + rng.below(11),
            1 + rng.below(28)
        )
        .unwrap();
    }
    fs::write(root.join("content/openings.yaml"), out).unwrap();
}
