//! Real published reports (tests/fixtures/real/, copied from the project's shared cases): the
//! `xxgk` command converts each to exactly its truth.json and its check meets its
//! expected.json, as the shared judges (tests/fixtures/real/tools/, python3) decide.

use std::path::{Path, PathBuf};
use std::process::Command;

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real").join(name)
}

fn xxgk(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xxgk")).args(args).output().expect("xxgk runs")
}

/// Runs a judge (python3 is on every machine this project runs on); panics with its report.
fn judge(tool: &str, case: &Path, output: &Path) {
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/tools").join(tool);
    let run = Command::new("python3").arg(&tool).arg(case).arg(output).output().expect("python3 runs the judge");
    let report = String::from_utf8_lossy(&run.stdout);
    let failures: Vec<&str> = report.lines().filter(|l| l.starts_with("MISMATCH") || l.starts_with("FAIL") || l.starts_with("RESULT")).collect();
    assert!(run.status.success(), "{} on {}:\n{}\n{}", tool.display(), output.display(), failures.join("\n"), String::from_utf8_lossy(&run.stderr));
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("real");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// `xxgk convert FILE --to json` gives the case's truth; `xxgk check --json FILE` meets its
/// expectations.
fn converts_and_checks(case_name: &str, file: &str) {
    let dir = case(case_name);
    let input = dir.join(file);
    let input = input.to_str().unwrap();
    let json = scratch(&format!("{case_name}-{file}.json"));
    let run = xxgk(&["convert", input, "--to", "json", "-o", json.to_str().unwrap()]);
    assert!(run.status.success(), "convert: {}", String::from_utf8_lossy(&run.stderr));
    judge("compare_cells.py", &dir, &json);
    let findings = scratch(&format!("{case_name}-{file}.findings.json"));
    let run = xxgk(&["check", "--json", input]);
    assert!(run.status.code().is_some_and(|c| c <= 1), "check: {}", String::from_utf8_lossy(&run.stderr));
    std::fs::write(&findings, &run.stdout).unwrap();
    judge("compare.py", &dir, &findings);
}

#[test]
fn the_saved_portal_page_of_shuyang_reads_as_published() {
    converts_and_checks("shuyang-fgj-2023", "report.html");
}

#[test]
fn the_text_pdftotext_writes_with_layout_reads_as_published() {
    // tests/fixtures/real/hongze-2024/make_text.sh wrote it from the published PDF.
    converts_and_checks("hongze-2024", "pdftotext-layout.txt");
}

/// Without -layout, pdftotext writes 表三's numbers column by column, away from their row
/// labels: those rows cannot be read by label and are reported; what is read must be right.
#[test]
fn the_text_pdftotext_writes_without_layout_reads_what_it_can_and_nothing_wrong() {
    let dir = case("hongze-2024");
    let input = dir.join("pdftotext-raw.txt");
    let json = scratch("hongze-raw.json");
    let run = xxgk(&["convert", input.to_str().unwrap(), "--to", "json", "-o", json.to_str().unwrap()]);
    assert!(run.status.success(), "convert: {}", String::from_utf8_lossy(&run.stderr));
    let tool = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real/tools/compare_cells.py");
    let judged = Command::new("python3").arg(tool).arg("--summary").arg(&dir).arg(&json).output().expect("python3 runs the judge");
    let report = String::from_utf8_lossy(&judged.stdout);
    let summary = report.lines().find(|l| l.starts_with("SUMMARY")).expect("a summary line");
    let field = |name: &str| -> usize {
        summary.split_whitespace().find_map(|f| f.strip_prefix(&format!("{name}="))).and_then(|v| v.parse().ok()).expect(name)
    };
    assert_eq!(field("header_mismatches"), 0, "{report}");
    assert_eq!(field("converted_filled"), field("filled_exact"), "a cell was read wrong: {report}");
    assert!(field("filled_exact") >= 30, "{report}");
    let findings = xxgk(&["check", "--json", input.to_str().unwrap()]);
    let findings = String::from_utf8_lossy(&findings.stdout);
    assert!(!findings.contains("\"T001\""), "the spacing of 「自 2024 年 1 月 1 日起」 misread: {findings}");
}

#[test]
fn the_cli_refuses_a_huge_file_before_reading_it() {
    let path = scratch("huge.html");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(100 << 20).unwrap(); // sparse: nothing is written
    let run = xxgk(&["check", path.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("超过了 64 MB 的上限"), "{}", String::from_utf8_lossy(&run.stderr));
    std::fs::remove_file(path).unwrap();
}
