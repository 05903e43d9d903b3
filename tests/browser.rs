//! The HTML page in a real browser: headless Chromium renders the page of the seed-style article
//! (`articles/valdes.txt`) and of a directory, and a script checks the rendered DOM: the visible
//! text of each document is the article, there is one element per mention and per quote, hover,
//! focus, click and Enter do what the page says, nothing overflows a phone's width, and the
//! console stays empty.
//!
//! Skipped with a message when no Chromium is installed, unless `NEWSNLP_BROWSER_TESTS=required`
//! (`.ci/run` sets it, after installing Debian's `chromium`): then a missing browser fails.

use crate::cli::{newsnlp, stdout_lines};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The browser: `$CHROMIUM`, else the first of the usual names on the `PATH`.
fn chromium() -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("CHROMIUM") {
        return Some(PathBuf::from(path));
    }
    let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
    std::env::split_paths(&std::env::var_os("PATH")?)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|path| path.is_file())
}

/// Chromium, or `None` when the test should be skipped.
fn browser_or_skip() -> Option<PathBuf> {
    let found = chromium();
    if found.is_none() {
        let required = std::env::var("NEWSNLP_BROWSER_TESTS").is_ok_and(|v| v == "required");
        assert!(!required, "NEWSNLP_BROWSER_TESTS=required, but no Chromium was found (set CHROMIUM)");
        eprintln!("skipped: no Chromium found (install Debian's chromium, or set CHROMIUM); .ci/run runs this test");
    }
    found
}

/// Renders `page` at `width` × `height` and returns the DOM after its scripts ran, and what the
/// browser wrote to its log.
fn render(browser: &Path, page: &Path, width: u32, height: u32) -> (String, String) {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--window-size={width},{height}"))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("Chromium runs");
    assert!(output.status.success(), "Chromium failed: {}", String::from_utf8_lossy(&output.stderr));
    (String::from_utf8(output.stdout).unwrap(), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// Records errors before the page's own script runs.
const CATCH: &str = "<script>window.__errors = []; \
    window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });</script>";

/// Checks the rendered page and writes what it found into `<pre id="check">`, as ASCII JSON.
const CHECK: &str = r#"<script>
(function () {
  var out = { errors: window.__errors, overflow: document.documentElement.scrollWidth - window.innerWidth, docs: [] };
  var tip = document.getElementById('tip');
  document.querySelectorAll('article').forEach(function (doc) {
    var text = doc.querySelector('.text');
    var r = { text: text.innerText };
    r.mentions = new Set(Array.from(text.querySelectorAll('.m')).map(function (e) { return e.dataset.m; })).size;
    r.quotes = new Set(Array.from(text.querySelectorAll('.q')).map(function (e) { return e.dataset.q; })).size;
    r.legend = doc.querySelectorAll('.legend li').length;
    r.speakerRows = doc.querySelectorAll('table tbody tr').length;
    r.tabbable = Array.from(text.querySelectorAll('.m, .q')).every(function (e) { return e.tabIndex === 0; });
    var m = text.querySelector('.m');
    if (m) {
      m.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      r.hoverTip = tip.hidden ? null : tip.textContent;
      r.hoverName = m.dataset.name;
      r.outlined = doc.querySelectorAll('.m.same').length;
      r.sameEntity = doc.querySelectorAll('.m[data-e="' + m.dataset.e + '"]').length;
      m.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
      r.hiddenAfter = tip.hidden;
      // Whether the window has the focus (and so fires focus events) depends on the headless
      // browser: check that a mention takes the focus, then send the event the handler reads.
      m.focus();
      r.focused = document.activeElement === m;
      m.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
      r.focusTip = tip.hidden ? null : tip.textContent;
      m.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      r.hiddenAfterBlur = tip.hidden;
      m.blur();
    }
    var q = text.querySelector('.q[data-speaker]');
    if (q) {
      q.dispatchEvent(new MouseEvent('click', { bubbles: true }));
      var marked = doc.querySelectorAll('.speaker');
      r.speakerMarked = marked.length;
      r.speakerSpan = marked.length ? marked[0].dataset.span : null;
      r.quoteSpeaker = q.dataset.speaker;
      r.pressed = q.getAttribute('aria-pressed');
      q.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
      r.pressedAfterEnter = q.getAttribute('aria-pressed');
      r.speakerAfterEnter = doc.querySelectorAll('.speaker').length;
    }
    out.docs.push(r);
  });
  var json = JSON.stringify(out).replace(/[\u007f-\uffff<>&]/g, function (c) {
    return '\\u' + ('0000' + c.charCodeAt(0).toString(16)).slice(-4);
  });
  var pre = document.createElement('pre');
  pre.id = 'check';
  pre.textContent = json;
  document.body.appendChild(pre);
})();
</script>"#;

/// Renders the page of `paths` and checks it against the JSON of the same run.
fn check_page(browser: &Path, paths: &[&str]) {
    let mut args = vec!["annotate", "--format", "html"];
    args.extend(paths);
    let output = newsnlp(&args, None);
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    let page = String::from_utf8(output.stdout).unwrap();
    let page =
        page.replacen("<head>", &format!("<head>\n{CATCH}"), 1).replacen("</body>", &format!("{CHECK}\n</body>"), 1);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("page.html");
    std::fs::write(&file, page).unwrap();
    let mut args = vec!["annotate"];
    args.extend(paths);
    let documents = stdout_lines(&newsnlp(&args, None));
    for (width, height) in [(1280, 900), (390, 844)] {
        let (dom, log) = render(browser, &file, width, height);
        let console: Vec<&str> = log.lines().filter(|line| line.contains(":CONSOLE")).collect();
        assert!(console.is_empty(), "console messages at {width}px: {console:#?}");
        let json = dom.split("<pre id=\"check\">").nth(1).and_then(|rest| rest.split("</pre>").next());
        let json = json.unwrap_or_else(|| panic!("the check did not run at {width}px; log:\n{log}"));
        let found: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(found["errors"], serde_json::json!([]), "{width}px");
        assert!(found["overflow"].as_i64().unwrap() <= 0, "the page is wider than {width}px by {}", found["overflow"]);
        let docs = found["docs"].as_array().unwrap();
        assert_eq!(docs.len(), documents.len());
        for (doc, want) in docs.iter().zip(&documents) {
            let id = want["id"].as_str().unwrap();
            let text = std::fs::read_to_string(want["path"].as_str().unwrap()).unwrap();
            assert!(doc["text"] == text.as_str(), "{id} at {width}px: the visible text is not the article");
            assert_eq!(doc["mentions"], want["entities"].as_array().unwrap().len(), "{id}");
            assert_eq!(doc["quotes"], want["quotes"].as_array().unwrap().len(), "{id}");
            assert_eq!(doc["legend"], 5, "{id}: four labels and quotes");
            assert_eq!(doc["tabbable"], true, "{id}");
            let name = doc["hoverName"].as_str().unwrap();
            assert!(doc["hoverTip"].as_str().is_some_and(|tip| tip.starts_with(name)), "{id}: {}", doc["hoverTip"]);
            assert_eq!(doc["outlined"], doc["sameEntity"], "{id}: every mention of the entity is outlined");
            assert_eq!(doc["hiddenAfter"], true, "{id}");
            assert_eq!(doc["focused"], true, "{id}: a mention takes the focus");
            assert!(
                doc["focusTip"].as_str().is_some_and(|tip| tip.starts_with(name)),
                "{id}: focus shows the tip: {doc}"
            );
            assert_eq!(doc["hiddenAfterBlur"], true, "{id}");
            if !want["quotes"].as_array().unwrap().is_empty() {
                assert!(doc["speakerRows"].as_u64().unwrap() >= 1, "{id}");
            }
            if doc.get("quoteSpeaker").is_some() {
                assert!(doc["speakerMarked"].as_u64().unwrap() >= 1, "{id}: the speaker is marked");
                assert_eq!(doc["speakerSpan"], doc["quoteSpeaker"], "{id}");
                assert_eq!(
                    (doc["pressed"].as_str(), doc["pressedAfterEnter"].as_str()),
                    (Some("true"), Some("false")),
                    "{id}"
                );
                assert_eq!(doc["speakerAfterEnter"], 0, "{id}: Enter toggles the quote off");
            }
        }
    }
}

#[test]
fn the_page_of_the_seed_style_article_renders_the_article() {
    let Some(browser) = browser_or_skip() else { return };
    check_page(&browser, &["tests/data/articles/valdes.txt"]);
}

#[test]
fn the_page_of_a_directory_renders_every_article() {
    let Some(browser) = browser_or_skip() else { return };
    check_page(&browser, &["tests/data/wikinews"]);
}

/// Text that HTML would change if it were written as it is: CRLF line ends (the parser turns
/// `\r\n` into `\n`), markup-like text, entities, a tab and non-ASCII spaces.
#[test]
fn text_that_looks_like_html_is_shown_as_written() {
    let Some(browser) = browser_or_skip() else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("crlf.txt"),
        "“We stay,” said Ana Belkis Ferrer García.\r\n\r\nShe left Havana.\r\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("markup.txt"),
        "<b>AT&T</b> &amp; \"Cuba\"\tsaid: “We <i>will</i> go to Havana,” said Mr.\u{a0}José Martí.\u{2028}End.",
    )
    .unwrap();
    check_page(&browser, &[dir.path().to_str().unwrap()]);
}
