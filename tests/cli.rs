//! The `xxgk` command line, run as a user runs it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const SEED: &str = include_str!("fixtures/seed.json");

fn xxgk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xxgk")).args(args).output().expect("xxgk runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("stderr is UTF-8")
}

/// A scratch directory of its own for each test.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli").join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// The seed with cells changed, written to `dir/name`.
fn report_file(dir: &Path, name: &str, cells: &[(&str, u64)]) -> String {
    let mut doc: Value = serde_json::from_str(SEED).unwrap();
    for (id, n) in cells {
        doc["cells"][*id] = Value::from(*n);
    }
    let path = dir.join(name);
    fs::write(&path, doc.to_string()).unwrap();
    path.to_string_lossy().into_owned()
}

/// 商业企业: new 3 + carried in 1 = 4, but outcome total 2 + carried out 1 = 3. Every other
/// sum holds, so A001 is the only arithmetic finding.
fn unbalanced(dir: &Path) -> String {
    report_file(
        dir,
        "unbalanced.json",
        &[
            ("s3.new.business", 3),
            ("s3.new.total", 3),
            ("s3.carried_in.business", 1),
            ("s3.carried_in.total", 1),
            ("s3.granted.business", 2),
            ("s3.granted.total", 2),
            ("s3.outcome_total.business", 2),
            ("s3.outcome_total.total", 2),
            ("s3.carried_out.business", 1),
            ("s3.carried_out.total", 1),
        ],
    )
}

#[test]
fn a_column_that_breaks_the_printed_rule_fails_the_check() {
    let dir = scratch("unbalanced_text");
    let file = unbalanced(&dir);
    let output = xxgk(&["check", &file]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{text}");
    let a001 = text.lines().skip_while(|l| !l.contains("A001")).nth(1).expect("an A001 finding");
    assert!(a001.contains("商业企业"), "{a001}");
    assert!(a001.contains("第一项加第二项之和为 4") && a001.contains("第三项加第四项之和为 3"), "{a001}");
    assert!(text.contains("单元格：s3.outcome_total.business s3.carried_out.business s3.new.business s3.carried_in.business"), "{text}");
    assert!(text.contains("个错误、"), "a summary line per file: {text}");
    let first_error = text.find("错误 A").unwrap();
    let first_warning = text.find("警告 ").unwrap_or(usize::MAX);
    assert!(first_error < first_warning, "most severe first: {text}");
}

#[test]
fn json_output_lists_a001_with_the_cells_of_that_column() {
    let dir = scratch("unbalanced_json");
    let file = unbalanced(&dir);
    let output = xxgk(&["check", "--json", &file]);
    assert_eq!(output.status.code(), Some(1));
    let doc: Value = serde_json::from_str(&stdout(&output)).expect("one JSON document");
    assert_eq!(doc[0]["file"], file.as_str());
    let findings = doc[0]["findings"].as_array().unwrap();
    let a001: Vec<&Value> = findings.iter().filter(|f| f["code"] == "A001").collect();
    assert!(!a001.is_empty(), "{findings:#?}");
    let business = a001.iter().find(|f| f["message"].as_str().unwrap().contains("商业企业")).unwrap();
    assert_eq!(business["severity"], "error");
    let mut cells: Vec<&str> = business["cells"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    cells.sort();
    assert_eq!(
        cells,
        ["s3.carried_in.business", "s3.carried_out.business", "s3.new.business", "s3.outcome_total.business"]
    );
    assert_eq!(doc[0]["counts"]["error"].as_u64(), Some(findings.iter().filter(|f| f["severity"] == "error").count() as u64));
}

#[test]
fn an_unreadable_file_exits_2_and_the_others_are_still_reported() {
    let dir = scratch("unreadable");
    let good = report_file(&dir, "good.json", &[]);
    let broken = dir.join("broken.json");
    fs::write(&broken, "{\"format\": ").unwrap();
    let broken = broken.to_string_lossy().into_owned();
    let missing = dir.join("missing.json").to_string_lossy().into_owned();

    let output = xxgk(&["check", &missing, &good, &broken]);
    assert_eq!(output.status.code(), Some(2));
    let (out, err) = (stdout(&output), stderr(&output));
    assert!(out.contains(&format!("{good}：0 个错误")), "{out}");
    assert!(out.contains("2 个文件无法检查"), "{out}");
    assert!(err.contains(&missing) && err.contains("文件不存在"), "{err}");
    assert!(err.contains(&broken) && err.contains("JSON"), "{err}");

    let output = xxgk(&["check", "--json", &missing, &good]);
    assert_eq!(output.status.code(), Some(2));
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(doc[0]["file"], missing.as_str());
    assert_eq!(doc[0]["error"], "文件不存在");
    assert!(doc[0].get("findings").is_none());
    assert!(doc[1]["findings"].is_array());
}

#[test]
fn the_seed_passes_with_warnings_only() {
    let output = xxgk(&["check", concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.json")]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("警告 S002 heading-format"), "{text}");
    assert!(text.contains("位置：headings[2]"), "{text}");
}

#[test]
fn prose_findings_quote_the_field_and_the_text() {
    let dir = scratch("prose");
    let file = report_file(
        &dir,
        "prose.json",
        &[
            ("s3.new.natural", 3),
            ("s3.new.total", 3),
            ("s3.granted.natural", 3),
            ("s3.granted.total", 3),
            ("s3.outcome_total.natural", 3),
            ("s3.outcome_total.total", 3),
        ],
    );
    let output = xxgk(&["check", &file]);
    let text = stdout(&output);
    assert!(text.contains("位置：一、总体情况（text.overview）「无依申请公开」"), "{text}");
    assert!(text.contains("原文：…") && text.contains("2024年全年无依申请公开。"), "{text}");
}

#[test]
fn rules_lists_every_code() {
    let output = xxgk(&["rules"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for rule in xxgk_report::rules::RULES {
        assert!(text.lines().any(|l| l.starts_with(rule.code) && l.contains(rule.summary)), "{}: {text}", rule.code);
    }
    let json: Value = serde_json::from_slice(&xxgk(&["rules", "--json"]).stdout).unwrap();
    assert_eq!(json.as_array().unwrap().len(), xxgk_report::rules::RULES.len());
    assert_eq!(json[0]["code"], "A001");
    assert!(json[0]["doc"].as_str().unwrap().starts_with("## 检查内容"));
    let markdown = stdout(&xxgk(&["rules", "--markdown"]));
    assert_eq!(markdown, xxgk_report::rules::reference::markdown());
}

#[test]
fn convert_writes_the_normalised_json() {
    let dir = scratch("convert");
    let input = dir.join("typed.json");
    let typed = SEED.replace("\"s2.license.decisions\": 0", "\"s2.license.decisions\": \"１,２３４件\"");
    fs::write(&input, typed).unwrap();
    let out = dir.join("out.json");
    let output = xxgk(&["convert", input.to_str().unwrap(), "--to", "json", "-o", out.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let written: Value = serde_json::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(written["cells"]["s2.license.decisions"], 1234);

    let to_stdout = xxgk(&["convert", input.to_str().unwrap(), "--to=json"]);
    assert_eq!(stdout(&to_stdout), fs::read_to_string(&out).unwrap());
}

#[test]
fn convert_writes_word_and_html() {
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/seed.json");
    let dir = std::env::temp_dir().join(format!("xxgk-cli-convert-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let docx = dir.join("out.docx");
    let output = xxgk(&["convert", seed, "--to", "docx", "-o", docx.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(fs::read(&docx).unwrap().starts_with(b"PK"), "a .docx is a zip");

    let named = Command::new(env!("CARGO_BIN_EXE_xxgk")).current_dir(&dir).args(["convert", seed, "--to", "docx"]).output().unwrap();
    assert_eq!(named.status.code(), Some(0), "{}", stderr(&named));
    assert!(dir.join("通榆县边昭镇2024年政府信息公开工作年度报告.docx").exists(), "{}", stderr(&named));

    let page = xxgk(&["convert", seed, "--to", "html"]);
    assert!(stdout(&page).starts_with("<!DOCTYPE html>"), "{}", &stdout(&page)[..80.min(stdout(&page).len())]);
    let fragment = xxgk(&["convert", seed, "--to", "html-fragment"]);
    assert!(!stdout(&fragment).contains("<script"));
    assert!(stdout(&fragment).contains("三、收到和处理政府信息公开申请情况"));

    let output = xxgk(&["convert", seed, "--to", "pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("未知的目标格式「pdf」"), "{}", stderr(&output));
    fs::remove_dir_all(&dir).ok();
}

#[test]
fn usage_mistakes_are_explained_in_chinese() {
    let output = xxgk(&["check", "--colour", "a.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("未知的选项「--colour」"), "{}", stderr(&output));
    assert!(stderr(&output).contains("xxgk --help"));
    assert!(output.stdout.is_empty());

    let output = xxgk(&[]);
    assert_eq!(output.status.code(), Some(2));

    let help = xxgk(&["--help"]);
    assert_eq!(help.status.code(), Some(0));
    assert!(stdout(&help).contains("用法") && stdout(&help).contains("退出状态"));
}
