//! `launchpad serve`: builds the site in memory, serves it over HTTP,
//! watches `content/` and `themes/`, rebuilds on change and reloads open
//! tabs through Server-Sent Events. A broken save keeps the last good build
//! served and shows the diagnostics in the terminal and over the page.
//!
//! Nothing is written to `public/`: the served files live in memory and are
//! swapped in one step when a rebuild succeeds.

mod files;

use std::convert::Infallible;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use anyhow::{Context as _, bail};
use axum::Router;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use futures_util::stream::{self, Stream, StreamExt};
use notify::RecursiveMode;
use tokio::sync::broadcast;

use crate::RebuildMemo;
use crate::diagnostics::{self, Format};
use crate::render::{Collect, Output};
use crate::{BuildOptions, Timings};
pub use files::{Files, Lookup};

const RELOAD_JS: &str = include_str!("reload.js");
const RELOAD_TAG: &str = "<script src=\"/__launchpad/reload.js\"></script>";
/// Saves closer together than this are one change (editors write a temp
/// file, rename it and touch it, within a few milliseconds). Short, since a
/// user waits for it on every save.
const DEBOUNCE: Duration = Duration::from_millis(30);
pub const DEFAULT_PORT: u16 = 1111;

/// What `serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    /// `None`: the default port, or the next free one.
    pub port: Option<u16>,
    pub drafts: bool,
    /// The day consent is judged on; `None`: each rebuild's own day.
    pub today: Option<jiff::civil::Date>,
}

/// What the browser is told after a rebuild.
#[derive(Debug, Clone)]
enum Change {
    Reload,
    /// The diagnostics, as the terminal shows them.
    Broken(String),
}

struct Shared {
    files: RwLock<Arc<Files>>,
    /// The diagnostics of the current breakage, for tabs that connect late.
    broken: RwLock<Option<String>>,
    changes: broadcast::Sender<Change>,
}

/// Binds the port: the one asked for, or the default and then the next free.
fn bind(opts: &ServeOptions) -> anyhow::Result<TcpListener> {
    match opts.port {
        Some(port) => TcpListener::bind((opts.bind, port)).with_context(|| {
            format!(
                "cannot listen on {}:{port} (is another server running?)",
                opts.bind
            )
        }),
        None => (DEFAULT_PORT..DEFAULT_PORT + 50)
            .find_map(|port| TcpListener::bind((opts.bind, port)).ok())
            .with_context(|| format!("no free port from {DEFAULT_PORT} on {}", opts.bind)),
    }
}

fn base_url(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V6(ip) => format!("http://[{ip}]:{}/", addr.port()),
        IpAddr::V4(ip) => format!("http://{ip}:{}/", addr.port()),
    }
}

/// A good rebuild.
struct Built {
    files: Files,
    pages: usize,
    /// Pages rendered; the others were unchanged and reused.
    rendered: usize,
    secs: f64,
}

/// One build in memory: the files, or the diagnostics that stopped it.
/// Pages unchanged since the last good build are reused from `memo`, which
/// a good build replaces.
fn rebuild(opts: &BuildOptions, memo: &mut RebuildMemo) -> anyhow::Result<Result<Built, String>> {
    let started = Instant::now();
    let mut timings = Timings::new();
    let collect = Collect::default();
    let result = crate::render_site(opts, &mut timings, &collect, Some(memo))?;
    timings.lap("collect");
    timings.print();
    Ok(match result {
        Ok(site) => {
            let text = diagnostics::render(&site.diagnostics, Format::Human, &site.sources);
            eprint!("{text}");
            let outputs = collect.into_outputs();
            Ok(Built {
                files: Files::new(outputs),
                pages: site.pages,
                rendered: site.pages_rendered,
                secs: started.elapsed().as_secs_f64(),
            })
        }
        Err(errors) => Err(diagnostics::render(
            &errors.diagnostics,
            Format::Human,
            &errors.sources,
        )),
    })
}

/// Runs until Ctrl-C.
pub fn serve(opts: &ServeOptions) -> anyhow::Result<()> {
    if !opts.root.join("content").is_dir() {
        bail!(
            "no content/ folder in {} (run `launchpad init DIR` to start a site, or pass --root)",
            opts.root.display()
        );
    }
    let listener = bind(opts)?;
    let addr = listener.local_addr()?;
    let build = BuildOptions {
        root: opts.root.clone(),
        out: None,
        base_url: Some(base_url(addr)),
        drafts: opts.drafts,
        today: opts.today,
    };
    let (changes, _) = broadcast::channel(16);
    let shared = Arc::new(Shared {
        files: RwLock::new(Arc::new(Files::default())),
        broken: RwLock::new(None),
        changes,
    });
    let mut memo = RebuildMemo::default();
    apply(&shared, rebuild(&build, &mut memo)?, None);

    let _watcher = watch(&opts.root, build, memo, shared.clone())?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    runtime.block_on(async move {
        // The Ctrl-C handler is in place before the address is printed, so
        // an early Ctrl-C still stops the server cleanly.
        let stop = stop_signal()?;
        println!("Serving {} (Ctrl-C to stop)", base_url(addr));
        listener.set_nonblocking(true)?;
        let listener = tokio::net::TcpListener::from_std(listener)?;
        let any_host = !opts.bind.is_loopback();
        let app = Router::new()
            .route("/__launchpad/events", get(events))
            .route("/__launchpad/reload.js", get(reload_js))
            .fallback(get(file))
            .with_state(shared)
            .layer(axum::middleware::from_fn_with_state(any_host, host_guard));
        accept_loop(listener, app, stop).await;
        println!("\nStopped.");
        anyhow::Ok(())
    })
}

/// A connection that has not sent a whole request head in this long is
/// closed, so idle connections cannot pile up until no file descriptor is
/// left for a real one.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves connections until `stop`: each with a timeout for its request
/// head, and no more at once than the open-file limit allows (beyond that a
/// new connection is closed at once rather than left waiting).
async fn accept_loop(
    listener: tokio::net::TcpListener,
    app: Router,
    stop: impl std::future::Future<Output = ()>,
) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let max_connections = open_files_limit().saturating_sub(64).clamp(16, 8192);
    let open = Arc::new(AtomicUsize::new(0));
    tokio::pin!(stop);
    loop {
        let stream = tokio::select! {
            () = &mut stop => return,
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(_) => {
                    // Out of file descriptors, or a connection reset before
                    // it was accepted: wait for one to close.
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
            },
        };
        if open.load(Ordering::Relaxed) >= max_connections {
            drop(stream);
            continue;
        }
        open.fetch_add(1, Ordering::Relaxed);
        let open = open.clone();
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let _ = hyper::server::conn::http1::Builder::new()
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(TokioIo::new(stream), service)
                .await;
            open.fetch_sub(1, Ordering::Relaxed);
        });
    }
}

/// Raises the soft limit on open files to the hard one (many systems start
/// programs at 1,024) and returns it.
fn open_files_limit() -> usize {
    #[cfg(unix)]
    {
        let mut limit = libc::rlimit {
            rlim_cur: 0,
            rlim_max: 0,
        };
        // SAFETY: getrlimit and setrlimit only read and write `limit`.
        unsafe {
            if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
                return 1024;
            }
            if limit.rlim_cur < limit.rlim_max {
                let raised = libc::rlimit {
                    rlim_cur: limit.rlim_max.min(65_536),
                    rlim_max: limit.rlim_max,
                };
                if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                    limit.rlim_cur = raised.rlim_cur;
                }
            }
        }
        usize::try_from(limit.rlim_cur).unwrap_or(usize::MAX)
    }
    #[cfg(not(unix))]
    {
        1024
    }
}

/// Answers only requests addressed to this machine by a loopback name
/// (`localhost`, `127.0.0.1`, `[::1]`), unless `--bind` opened the server to
/// other machines: a web page on another site could otherwise point its
/// own domain name at 127.0.0.1 (DNS rebinding) and read the preview.
async fn host_guard(
    State(any_host): State<bool>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok());
    if any_host || host.is_none_or(is_loopback_host) {
        return next.run(request).await;
    }
    (
        StatusCode::MISDIRECTED_REQUEST,
        "launchpad serve answers only requests for localhost; start it with --bind 0.0.0.0 to open it to other machines\n",
    )
        .into_response()
}

/// Whether a `Host` header names this machine: `localhost` (or a name under
/// it), or a loopback address, with any port.
pub fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or(""),
        None => host.rsplit_once(':').map_or(host, |(name, _)| name),
    };
    let name = name.trim_end_matches('.').to_ascii_lowercase();
    name == "localhost"
        || name.ends_with(".localhost")
        || name.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// A future that completes on Ctrl-C. On Unix the handler is registered
/// when this is called (tokio's `ctrl_c()` registers only when first polled).
fn stop_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    #[cfg(unix)]
    {
        let mut sigint = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::interrupt())?;
        Ok(async move {
            sigint.recv().await;
        })
    }
    #[cfg(not(unix))]
    {
        Ok(async {
            let _ = tokio::signal::ctrl_c().await;
        })
    }
}

/// Puts a rebuild's result in place and tells the open tabs.
fn apply(shared: &Shared, result: Result<Built, String>, cause: Option<&str>) {
    let because = cause
        .map(|c| format!(" after a change to {c}"))
        .unwrap_or_default();
    match result {
        Ok(built) => {
            *shared.files.write().expect("files lock") = Arc::new(built.files);
            *shared.broken.write().expect("broken lock") = None;
            let Built {
                pages,
                rendered,
                secs,
                ..
            } = built;
            if cause.is_some() {
                println!("Rebuilt in {secs:.2} s{because}: {rendered} of {pages} pages changed");
            } else {
                println!("Built {pages} pages in {secs:.2} s");
            }
            let _ = shared.changes.send(Change::Reload);
        }
        Err(text) => {
            eprint!("{text}");
            eprintln!("The build failed{because}; still serving the last good build.");
            *shared.broken.write().expect("broken lock") = Some(text.clone());
            let _ = shared.changes.send(Change::Broken(text));
        }
    }
}

/// The site-relative paths a batch of watcher events names.
fn changed_files(root: &Path, batch: notify_debouncer_full::DebounceEventResult) -> Vec<String> {
    let Ok(events) = batch else {
        return Vec::new();
    };
    events
        .iter()
        .filter(|e| !e.kind.is_access())
        .flat_map(|e| e.paths.iter())
        .map(|p| crate::content::relative_slash_path(root, p))
        .collect()
}

/// Watches content/ and themes/, rebuilding once per burst of saves.
fn watch(
    root: &Path,
    build: BuildOptions,
    mut memo: RebuildMemo,
    shared: Arc<Shared>,
) -> anyhow::Result<impl Drop> {
    let (tx, rx) = std::sync::mpsc::channel();
    let mut debouncer = notify_debouncer_full::new_debouncer(DEBOUNCE, None, tx)?;
    // Watched by its resolved path, so that events name files under the
    // same path that is stripped from them to name them site-relative.
    let root = root.canonicalize().unwrap_or_else(|_| root.to_path_buf());
    for dir in ["content", "themes"] {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    std::thread::spawn(move || {
        while let Ok(batch) = rx.recv() {
            let mut changed = changed_files(&root, batch);
            // Batches that queued up meanwhile (saves during the last
            // rebuild) are one rebuild.
            while let Ok(more) = rx.try_recv() {
                changed.extend(changed_files(&root, more));
            }
            // More changes right behind the first are a burst (a `git
            // checkout`, a folder copied in) that may go on longer than
            // the debounce: wait until it is over, so that it is one
            // rebuild and not one per batch. A single save waits a
            // fraction of the debounce for nothing.
            if let Ok(more) = rx.recv_timeout(DEBOUNCE / 2) {
                changed.extend(changed_files(&root, more));
                while let Ok(more) = rx.recv_timeout(DEBOUNCE * 2) {
                    changed.extend(changed_files(&root, more));
                }
            }
            changed.sort();
            changed.dedup();
            if changed.is_empty() {
                continue;
            }
            let cause = match changed.len() {
                1 => changed[0].clone(),
                n => format!(
                    "{} and {} more file{}",
                    changed[0],
                    n - 1,
                    diagnostics::plural(n - 1)
                ),
            };
            memo.saved(changed);
            match rebuild(&build, &mut memo) {
                Ok(result) => apply(&shared, result, Some(&cause)),
                Err(e) => eprintln!("error: {e:#}"),
            }
        }
    });
    Ok(debouncer)
}

async fn reload_js() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        RELOAD_JS,
    )
}

/// Server-Sent Events: `reload` after a good rebuild, `build-error` with
/// the diagnostics after a bad one (also on connect, while broken).
async fn events(
    State(shared): State<Arc<Shared>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let current = shared
        .broken
        .read()
        .expect("broken lock")
        .clone()
        .map(Change::Broken);
    let rx = shared.changes.subscribe();
    let updates = stream::unfold(rx, |mut rx| async move {
        loop {
            match rx.recv().await {
                Ok(change) => return Some((change, rx)),
                Err(broadcast::error::RecvError::Lagged(_)) => continue,
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    });
    let all = stream::iter(current).chain(updates).map(|change| {
        Ok(match change {
            Change::Reload => Event::default().event("reload").data("reload"),
            Change::Broken(text) => Event::default()
                .event("build-error")
                .data(serde_json::json!({ "text": text }).to_string()),
        })
    });
    Sse::new(all).keep_alive(KeepAlive::default())
}

async fn file(State(shared): State<Arc<Shared>>, uri: Uri) -> Response {
    let files = shared.files.read().expect("files lock").clone();
    match files.lookup(uri.path()) {
        Lookup::Found(output) => respond(StatusCode::OK, output).await,
        Lookup::Redirect(to) => {
            (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, to)]).into_response()
        }
        Lookup::BadRequest => (StatusCode::BAD_REQUEST, "bad request").into_response(),
        Lookup::NotFound => match files.get("404.html") {
            Some(page) => respond(StatusCode::NOT_FOUND, page).await,
            None => (StatusCode::NOT_FOUND, "not found").into_response(),
        },
    }
}

async fn respond(status: StatusCode, output: &Output) -> Response {
    let path = output.path().to_string();
    let bytes = match output {
        Output::Bytes(_, b) => b.to_vec(),
        Output::Copy(_, source) | Output::Cached(_, source) => {
            match tokio::fs::read(source).await {
                Ok(b) => b,
                Err(_) => return (StatusCode::NOT_FOUND, "not found").into_response(),
            }
        }
    };
    let body = if path.ends_with(".html") {
        inject_reload(bytes)
    } else {
        bytes
    };
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(files::content_type(&path)),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Adds the reload script before `</body>` (or at the end).
fn inject_reload(html: Vec<u8>) -> Vec<u8> {
    let text = String::from_utf8_lossy(&html);
    match text.rfind("</body>") {
        Some(i) => format!("{}{RELOAD_TAG}{}", &text[..i], &text[i..]).into_bytes(),
        None => format!("{text}{RELOAD_TAG}").into_bytes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_loopback_names_count_as_this_machine() {
        for host in [
            "localhost",
            "localhost:1111",
            "LOCALHOST.:1111",
            "app.localhost:8080",
            "127.0.0.1:1111",
            "127.1.2.3",
            "[::1]:1111",
            "[::1]",
        ] {
            assert!(is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:1111",
            "localhost.evil.example",
            "127.0.0.1.nip.io:1111",
            "10.0.0.5:1111",
            "[2001:db8::1]:1111",
            "",
        ] {
            assert!(!is_loopback_host(host), "{host}");
        }
    }
}
