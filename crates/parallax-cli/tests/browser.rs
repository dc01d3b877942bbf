//! The HTML brief in a real browser: headless Chromium (Debian's `chromium`, which
//! `.ci/run` installs; another binary can be named with $PARALLAX_CHROMIUM).
//!
//! A harness page loads the brief in a frame, clicks a citation, and reports whether the
//! cited sentence is then highlighted and inside the visible part of the page.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn chromium() -> PathBuf {
    std::env::var_os("PARALLAX_CHROMIUM").map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

const HARNESS: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>harness</title></head>
<body>
<iframe id="brief" src="brief.html" style="width:1200px;height:800px"></iframe>
<pre id="result">pending</pre>
<script>
const frame = document.getElementById('brief');
function report(text) { document.getElementById('result').textContent = text; }
frame.addEventListener('load', () => {
  try {
    const doc = frame.contentDocument;
    const links = doc.querySelectorAll('a.cite');
    if (links.length === 0) { report('FAIL no citation links'); return; }
    const link = links[Math.floor(links.length / 2)];
    const id = link.getAttribute('href').slice(1);
    link.click();
    setTimeout(() => {
      const target = doc.getElementById(id);
      if (!target) { report('FAIL no element ' + id); return; }
      const style = frame.contentWindow.getComputedStyle(target);
      const box = target.getBoundingClientRect();
      const visible = box.bottom > 0 && box.top < frame.contentWindow.innerHeight && box.width > 0;
      const highlighted = style.backgroundColor === 'rgb(255, 241, 168)';
      const hash = frame.contentWindow.location.hash;
      report((visible && highlighted && hash === '#' + id ? 'PASS ' : 'FAIL ') + JSON.stringify({ id, hash, visible, highlighted, background: style.backgroundColor, top: box.top, text: target.textContent.slice(0, 80) }));
    }, 500);
  } catch (e) { report('FAIL ' + e); }
});
</script>
</body></html>
"#;

#[test]
fn clicking_a_citation_shows_its_sentence_highlighted() {
    let browser = chromium();
    assert!(browser.exists(), "headless Chromium is needed at {} (apt-get install chromium, or set PARALLAX_CHROMIUM)", browser.display());
    let dir = std::env::temp_dir().join(format!("parallax-browser-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let brief = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["brief", "--format", "html", "examples/harbour-strike/"])
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(brief.status.success(), "{}", String::from_utf8_lossy(&brief.stderr));
    std::fs::write(dir.join("brief.html"), &brief.stdout).unwrap();
    std::fs::write(dir.join("harness.html"), HARNESS).unwrap();
    let profile = dir.join("profile");
    let output = Command::new(&browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
            "--window-size=1300,1000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", dir.join("harness.html").display()))
        .output()
        .expect("chromium runs");
    let dom = String::from_utf8_lossy(&output.stdout);
    let result = dom.split("<pre id=\"result\">").nth(1).and_then(|rest| rest.split("</pre>").next()).unwrap_or("no result");
    std::fs::remove_dir_all(&dir).ok();
    assert!(
        result.starts_with("PASS"),
        "browser check: {result}\nstderr: {}",
        String::from_utf8_lossy(&output.stderr).lines().take(5).collect::<Vec<_>>().join("\n")
    );
}
