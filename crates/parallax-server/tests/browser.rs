//! One real browser test: headless Chromium (Debian's `chromium`, installed by `.ci/run`)
//! loads the story list from a server on a loopback port, opens a story, clicks a citation
//! and runs a search, with real mouse and keyboard input.
//!
//! Chromium is driven over the DevTools protocol through `--remote-debugging-pipe` (JSON
//! messages separated by NUL bytes on file descriptors 3 and 4, which a shell wires to this
//! process's pipes), so no WebSocket client or browser download is needed.

use parallax_core::{Document, Metadata};
use parallax_server::{app, AppState};
use parallax_store::worker::{run_worker, WorkerConfig};
use parallax_store::{SqliteStore, Store};
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::AtomicBool;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

const CHROMIUM_ENV: &str = "PARALLAX_CHROMIUM";

fn chromium_path() -> Option<String> {
    if let Ok(path) = std::env::var(CHROMIUM_ENV) {
        return Some(path);
    }
    ["/usr/bin/chromium", "/usr/bin/chromium-browser"].into_iter().find(|p| std::path::Path::new(p).exists()).map(str::to_owned)
}

struct Browser {
    child: Child,
    input: ChildStdin,
    messages: mpsc::Receiver<Value>,
    next_id: u64,
    /// Events that arrived while waiting for a reply.
    events: Vec<Value>,
    _profile: tempfile::TempDir,
}

const TIMEOUT: Duration = Duration::from_secs(30);

impl Browser {
    fn launch(chromium: &str) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        // fd 3 is where Chromium reads commands, fd 4 where it writes replies.
        let script = format!(
            "exec \"$0\" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync \
             --no-first-run --no-default-browser-check --remote-debugging-pipe --user-data-dir={} about:blank 3<&0 4>&1 </dev/null >/dev/null",
            profile.path().display()
        );
        let mut child = Command::new("sh")
            .arg("-c")
            .arg(script)
            .arg(chromium)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromium starts");
        let input = child.stdin.take().unwrap();
        let output = child.stdout.take().unwrap();
        let (send, messages) = mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(output);
            let mut buffer = Vec::new();
            while reader.read_until(0, &mut buffer).is_ok_and(|n| n > 0) {
                if buffer.last() == Some(&0) {
                    buffer.pop();
                }
                if let Ok(message) = serde_json::from_slice::<Value>(&buffer) {
                    if send.send(message).is_err() {
                        break;
                    }
                }
                buffer.clear();
            }
        });
        Browser { child, input, messages, next_id: 0, events: Vec::new(), _profile: profile }
    }

    fn call(&mut self, session: Option<&str>, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if let Some(session) = session {
            message["sessionId"] = json!(session);
        }
        let mut bytes = serde_json::to_vec(&message).unwrap();
        bytes.push(0);
        self.input.write_all(&bytes).unwrap();
        self.input.flush().unwrap();
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self
                .messages
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("no reply to {method}"));
            if message["id"] == json!(id) {
                assert!(message.get("error").is_none(), "{method} failed: {message}");
                return message["result"].clone();
            }
            self.events.push(message);
        }
    }

    fn wait_for_event(&mut self, method: &str) {
        if let Some(i) = self.events.iter().position(|e| e["method"] == method) {
            self.events.drain(..=i);
            return;
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self
                .messages
                .recv_timeout(deadline.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| panic!("no {method} event"));
            if message["method"] == method {
                return;
            }
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A page in the browser.
struct Tab<'b> {
    browser: &'b mut Browser,
    session: String,
}

impl Tab<'_> {
    fn call(&mut self, method: &str, params: Value) -> Value {
        let session = self.session.clone();
        self.browser.call(Some(&session), method, params)
    }

    fn eval(&mut self, expression: &str) -> Value {
        let result = self.call("Runtime.evaluate", json!({"expression": expression, "returnByValue": true}));
        assert!(result.get("exceptionDetails").is_none(), "{expression}: {result}");
        result["result"]["value"].clone()
    }

    fn navigate(&mut self, url: &str) {
        self.browser.events.clear();
        self.call("Page.navigate", json!({"url": url}));
        self.browser.wait_for_event("Page.loadEventFired");
    }

    /// Clicks the centre of the first element matching `selector` with the mouse.
    fn click(&mut self, selector: &str) {
        let selector_json = serde_json::to_string(selector).unwrap();
        let at = self.eval(&format!(
            "(() => {{ const e = document.querySelector({selector_json}); e.scrollIntoView({{block: 'center'}}); const r = e.getClientRects()[0]; return [r.x + Math.min(r.width / 2, 8), r.y + r.height / 2]; }})()"
        ));
        let (x, y) = (at[0].as_f64().unwrap(), at[1].as_f64().unwrap());
        self.call("Input.dispatchMouseEvent", json!({"type": "mouseMoved", "x": x, "y": y}));
        for kind in ["mousePressed", "mouseReleased"] {
            self.call("Input.dispatchMouseEvent", json!({"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}));
        }
    }

    fn press_enter(&mut self) {
        self.call(
            "Input.dispatchKeyEvent",
            json!({"type": "keyDown", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13, "text": "\r"}),
        );
        self.call("Input.dispatchKeyEvent", json!({"type": "keyUp", "key": "Enter", "code": "Enter", "windowsVirtualKeyCode": 13}));
    }

    /// No element or attribute that could run script exists in the page.
    fn assert_inert(&mut self) {
        let dangerous = self.eval(
            "Array.from(document.querySelectorAll('*')).filter(e => e.tagName === 'SCRIPT' || e.tagName === 'IMG' || e.tagName === 'IFRAME' || Array.from(e.attributes).some(a => a.name.startsWith('on'))).length",
        );
        assert_eq!(dangerous, json!(0), "script-capable markup on {}", self.eval("location.href"));
        assert_eq!(self.eval("typeof window.pwned"), json!("undefined"));
    }
}

fn corpus() -> (tempfile::TempDir, Arc<dyn Store>) {
    let dir = tempfile::tempdir().unwrap();
    let store: Arc<dyn Store> = Arc::new(SqliteStore::open(dir.path().join("p.db")).unwrap());
    let batch = parallax_ingest::read_inputs(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../examples")]);
    let mut docs: Vec<Document> = batch.loaded.into_iter().map(|l| l.doc).collect();
    let hostile = r#"<script>window.pwned=1</script>"><img src=x onerror="window.pwned=2"> ' onmouseover='window.pwned=3'"#;
    docs.push(Document::new(
        "hostile",
        format!("Port Vessant dockers {hostile}\n\nKestria said {hostile} that dock workers in Port Vessant were detained.\n"),
        Metadata { input: Some("hostile.txt".into()), ..Metadata::default() },
    ));
    store.enqueue(&docs).unwrap();
    let pipeline = parallax_nlp::default_pipeline().unwrap();
    run_worker(&*store, &pipeline, &WorkerConfig::new("test"), &AtomicBool::new(false), &|_| {}).unwrap();
    (dir, store)
}

#[test]
#[allow(clippy::print_stderr)]
fn chromium_lists_stories_opens_one_follows_a_citation_and_searches() {
    let Some(chromium) = chromium_path() else {
        assert!(!parallax_store::testing::postgres_required(), "CI=true but Chromium is not installed (apt-get install chromium)");
        eprintln!("skipping the browser test: install Debian's chromium or set {CHROMIUM_ENV}");
        return;
    };
    let (_dir, store) = corpus();
    let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().unwrap();
    let listener = runtime.block_on(tokio::net::TcpListener::bind("127.0.0.1:0")).unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let pipeline = Arc::new(parallax_nlp::default_pipeline().unwrap());
    let router = app(AppState::new(store.clone(), None, pipeline));
    runtime.spawn(async move { axum::serve(listener, router).await });

    let mut browser = Browser::launch(&chromium);
    let target = browser.call(None, "Target.createTarget", json!({"url": "about:blank"}));
    let attached = browser.call(None, "Target.attachToTarget", json!({"targetId": target["targetId"], "flatten": true}));
    let session = attached["sessionId"].as_str().unwrap().to_owned();
    let mut tab = Tab { browser: &mut browser, session };
    tab.call("Page.enable", json!({}));
    tab.call("Page.bringToFront", json!({}));
    tab.call("Runtime.enable", json!({}));

    // The story list.
    tab.navigate(&format!("{base}/"));
    assert_eq!(tab.eval("document.querySelector('h1').textContent"), json!("Stories"));
    let story_links = tab.eval("document.querySelectorAll('a.story-link').length").as_u64().unwrap();
    assert_eq!(story_links, store.counts().unwrap().stories as u64);
    tab.assert_inert();

    // Open the harbour strike story with a click.
    tab.click("a.story-link[href]:not([href=''])");
    tab.browser.wait_for_event("Page.loadEventFired");
    assert!(tab.eval("location.pathname").as_str().unwrap().starts_with("/stories/"));
    let citations = tab.eval("document.querySelectorAll('.brief a.cite').length").as_u64().unwrap();
    assert!(citations > 0, "the brief cites its articles");
    assert_eq!(
        tab.eval("document.querySelectorAll('.articles article.source').length"),
        json!(store
            .story(tab.eval("location.pathname").as_str().unwrap().trim_start_matches("/stories/").parse().unwrap())
            .unwrap()
            .unwrap()
            .article_list
            .len())
    );
    tab.assert_inert();

    // Click a citation: the cited sentence becomes the page's target, is highlighted, and
    // holds the evidence the brief quotes.
    tab.click(".brief ul.reports a.cite");
    let deadline = Instant::now() + TIMEOUT;
    while tab.eval("location.hash") == json!("") {
        assert!(Instant::now() < deadline, "the citation click did not navigate");
        std::thread::sleep(Duration::from_millis(50));
    }
    let target = tab.eval("(() => { const t = document.querySelector(':target'); return t ? [t.className, t.textContent, getComputedStyle(t).backgroundColor] : null; })()");
    assert_eq!(target[0], json!("s"), "the citation lands on a sentence: {target}");
    let evidence = tab.eval("document.querySelector('.brief ul.reports a.cite').parentElement.textContent");
    let sentence = target[1].as_str().unwrap();
    assert!(evidence.as_str().unwrap().contains(sentence.trim()), "cited sentence {sentence:?} is the evidence {evidence}");
    assert_ne!(target[2], json!("rgba(0, 0, 0, 0)"), "the cited sentence is highlighted");

    // Search from the header form with the keyboard.
    tab.click("form.search input[name=q]");
    tab.call("Input.insertText", json!({"text": "dock workers"}));
    tab.press_enter();
    tab.browser.wait_for_event("Page.loadEventFired");
    assert_eq!(tab.eval("location.pathname"), json!("/search"));
    let hits = tab.eval("document.querySelectorAll('ol.hits li').length").as_u64().unwrap();
    assert!(hits >= 3, "{hits} hits");
    assert!(tab.eval("document.querySelectorAll('ol.hits mark').length").as_u64().unwrap() > 0);
    tab.assert_inert();

    // The hostile article's own page, followed from the search results.
    tab.navigate(&format!("{base}/search?q=pwned"));
    tab.click("ol.hits a.hit");
    tab.browser.wait_for_event("Page.loadEventFired");
    assert!(tab.eval("document.body.textContent.includes('<script>window.pwned=1</script>')").as_bool().unwrap());
    tab.assert_inert();
    drop(browser);
    runtime.shutdown_background();
}
