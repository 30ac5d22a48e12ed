//! The HTML export in a real browser: hostile text in every field must show literally and run
//! nothing. Uses /usr/bin/chromium headless (`--dump-dom`): required under CI, skipped with a
//! notice elsewhere (`tools::required`). The screenshots in docs/export/ are refreshed by the
//! ignored test: `cargo test --test export_html -- --ignored`.

mod export_support;
mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

use export_support::seed;
use xxgk_report::export::html::{html_fragment, html_page};
use xxgk_report::model::{CellId, Report, TextField};

const CHROMIUM: &str = "/usr/bin/chromium";

/// Each payload marks the document if it ever runs.
const ATTACKS: [&str; 4] = [
    "<script>document.documentElement.setAttribute('data-pwned','script')</script>",
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">",
    "\"><svg onload=document.documentElement.setAttribute('data-pwned','svg')>",
    "javascript:document.documentElement.setAttribute('data-pwned','js')",
];

fn hostile_report() -> Report {
    let mut report = seed();
    let all = ATTACKS.join("");
    report.agency.name = all.clone();
    for field in TextField::ALL {
        let lines: Vec<String> = ATTACKS.iter().map(|a| format!("（一）{a}")).collect();
        *report.text.get_mut(field) = format!("{all}\n{}", lines.join("\n"));
    }
    for (i, id) in CellId::all().enumerate() {
        report.set_cell_text(id, ATTACKS[i % ATTACKS.len()]);
    }
    report
}

fn chromium(dir: &Path, args: &[&str], url: &str) -> String {
    let profile = dir.join("profile");
    let out = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--virtual-time-budget=3000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(out.status.success(), "chromium failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn hostile_text_shows_literally_and_runs_nothing_in_chromium() {
    if !tools::required(CHROMIUM, "--version", "chromium") {
        return;
    }
    let report = hostile_report();
    let dir = temp_dir("export-html");
    // Control: the same payloads unescaped do run here, so the check below can fail.
    for (i, attack) in ATTACKS.iter().take(3).enumerate() {
        let file = dir.join(format!("control-{i}.html"));
        std::fs::write(&file, format!("<!DOCTYPE html><html><body><p>{attack}</p><table></table></body></html>")).unwrap();
        let dom = chromium(&dir, &["--dump-dom"], &format!("file://{}", file.display()));
        assert!(dom.contains("data-pwned=\""), "control {i}: the unescaped payload did not run: {dom:.300}");
    }
    // The fragment as a CMS would serve it: in a page with no CSP of its own, so only the
    // escaping protects it. The standalone page is checked as written.
    let fragment_page = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>t</title></head><body>{}</body></html>",
        html_fragment(&report)
    );
    for (name, html) in [("fragment.html", fragment_page), ("page.html", html_page(&report))] {
        let file = dir.join(name);
        std::fs::write(&file, html).unwrap();
        let dom = chromium(&dir, &["--dump-dom"], &format!("file://{}", file.display()));
        assert!(dom.contains("</table>"), "{name}: the page did not render: {dom:.300}");
        assert!(!dom.contains("data-pwned=\""), "{name}: a payload ran (the document was marked)");
        for tag in ["<script", "<img", "<svg"] {
            assert!(!dom.contains(tag), "{name}: the DOM has a {tag} element");
        }
        // The payloads are text: serialised back with their brackets escaped.
        assert!(dom.contains("&lt;script&gt;document.documentElement"), "{name}: script text missing");
        assert!(dom.contains("&lt;img src=x onerror="), "{name}: img text missing");
        assert!(dom.contains("\"&gt;&lt;svg onload="), "{name}: svg text missing");
        assert!(dom.contains("javascript:document.documentElement"), "{name}: javascript: text missing");
        assert!(!dom.contains("href="), "{name}: a link appeared");
    }
}

#[test]
#[ignore = "refreshes docs/export/html-*.png: cargo test --test export_html -- --ignored"]
fn screenshot_of_the_seed_page_for_a_person() {
    if !tools::required(CHROMIUM, "--version", "chromium") {
        return;
    }
    let dir = temp_dir("export-html-shot");
    // The seed as it begins, and the tables alone (the prose left out) with numbered cells.
    let mut tables = export_support::numbered_report();
    tables.text = Default::default();
    for (name, report, height) in [("html-page.png", seed(), "1400"), ("html-tables.png", tables, "1800")] {
        let file = dir.join(name).with_extension("html");
        std::fs::write(&file, html_page(&report)).unwrap();
        let shot = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/export").join(name);
        chromium(
            &dir,
            &[&format!("--screenshot={}", shot.display()), &format!("--window-size=900,{height}"), "--hide-scrollbars"],
            &format!("file://{}", file.display()),
        );
        assert!(shot.exists());
    }
}
