//! Tests that need a program from outside Rust: Chromium, LibreOffice, poppler's tools.
//!
//! Under CI (`CI=true`, set by `.ci/run`, which installs them) a missing program fails the test:
//! a run that skipped would prove nothing. Elsewhere the test is skipped with a notice written
//! straight to the terminal, past the test harness's capture, so that it shows although the
//! test is counted as passed.

use std::io::Write;
use std::process::{Command, Stdio};

/// Whether `program` runs (`program probe_arg` is started). When it does not: a panic under CI,
/// else a notice and `false`, so the caller returns. `package` says where to get it.
pub fn required(program: &str, probe_arg: &str, package: &str) -> bool {
    let runs = Command::new(program).arg(probe_arg).stdout(Stdio::null()).stderr(Stdio::null()).status().is_ok();
    if runs {
        return true;
    }
    let missing = format!("{program} is not installed (Debian: apt-get install {package})");
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true and {missing}: this test must run under CI");
    }
    let test = std::thread::current().name().unwrap_or("a test").to_string();
    let _ = writeln!(std::io::stderr().lock(), "NOTICE: {test} skipped: {missing}");
    false
}
