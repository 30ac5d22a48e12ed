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

fn seed_txt(dir: &Path) -> PathBuf {
    let path = dir.join("seed.txt");
    fs::copy(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import/seed.txt"), &path).unwrap();
    path
}

#[test]
fn diff_shows_the_seeds_safe_fixes_and_writes_nothing() {
    let dir = scratch("diff_seed");
    let input = seed_txt(&dir);
    let output = xxgk(&["check", "--diff", input.to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("-3、 收到和处理政府信息公开申请情况\n+三、收到和处理政府信息公开申请情况"), "{text}");
    assert!(text.contains("-4、 政府信息公开行政复议"), "{text}");
    assert!(text.contains("并围绕《政务公开条例》进行解读") && text.contains("+…") && text.contains("并围绕《中华人民共和国政府信息公开条例》进行解读"), "{text}");
    assert!(text.contains("3 处可修正（未写入"), "{text}");
    assert!(!text.contains("全镇"), "scope words need review: not without --unsafe-fixes: {text}");
    assert_eq!(fs::read_dir(&dir).unwrap().count(), 1, "nothing written");
}

#[test]
fn fix_writes_the_fixed_report_next_to_the_input_and_never_over_it() {
    let dir = scratch("fix_seed");
    let input = seed_txt(&dir);
    let original = fs::read(&input).unwrap();
    let output = xxgk(&["check", "--fix", input.to_str().unwrap()]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("已修正 3 处：\n    S002 将「3、」改为「三、」（安全）\n    S002 将「4、」改为「四、」（安全）\n    T002 "), "{text}");
    let written = dir.join("seed（已修正）.json");
    assert!(text.contains(&format!("已写入 {}", written.display())), "{text}");
    assert!(text.contains("修正（需复核）：将「全乡」改为「全镇」"), "what is left shows its fixes: {text}");
    assert!(text.contains("：0 个错误、5 个警告"), "counts after the fixes: {text}");
    assert_eq!(fs::read(&input).unwrap(), original, "the input is untouched");

    let check_fixed = xxgk(&["check", "--json", written.to_str().unwrap()]);
    let doc: Value = serde_json::from_str(&stdout(&check_fixed)).unwrap();
    let codes: Vec<&str> = doc[0]["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["T003", "T003", "T004", "T008", "T009"]);

    // With --unsafe-fixes the scope words too; --in-place writes over the JSON given.
    let output = xxgk(&["check", "--fix", "--unsafe-fixes", "--in-place", "--json", written.to_str().unwrap()]);
    let doc: Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(doc[0]["fixes"]["written"], written.to_str().unwrap());
    let applied: Vec<&str> = doc[0]["fixes"]["applied"].as_array().unwrap().iter().map(|a| a["code"].as_str().unwrap()).collect();
    assert_eq!(applied, ["T003", "T003"]);
    assert!(fs::read_to_string(&written).unwrap().contains("组织推动全镇政府信息公开工作"));
    assert!(xxgk(&["check", "--in-place", input.to_str().unwrap()]).status.code() == Some(2), "--in-place needs --fix");
}

/// A city-wide report: every applicant column filled, thousands of requests, every sum holding;
/// （七）总计（自然人） is 3375.
fn city_wide(dir: &Path, outcome_total_natural: u64) -> String {
    let natural: [u64; 21] = [1460, 390, 3, 1, 2, 40, 12, 180, 30, 11, 820, 95, 48, 120, 30, 70, 9, 21, 5, 2, 26];
    assert_eq!(natural.iter().sum::<u64>(), 3375);
    let mut doc: Value = serde_json::from_str(SEED).unwrap();
    doc["agency"] = serde_json::json!({"name": "白城市人民政府", "level": "city", "region": "吉林省白城市"});
    doc["headings"] = serde_json::json!(xxgk_report::Report::official_headings());
    let overview = doc["text"]["overview"].as_str().unwrap().replace("《政务公开条例》", "《中华人民共和国政府信息公开条例》");
    doc["text"]["overview"] = Value::from(overview);
    let columns = ["natural", "business", "research", "nonprofit", "legal", "other_org"];
    let rows = xxgk_report::model::labels::S3_ROWS;
    let mut table = vec![[0u64; 7]; rows.len()];
    for (col, divisor) in (0..6).zip([1, 3, 20, 15, 9, 6]) {
        for (i, row) in (2..=22).enumerate() {
            table[row][col] = natural[i] / divisor;
        }
        let outcome_total: u64 = (2..=22).map(|r| table[r][col]).sum();
        table[23][col] = outcome_total;
        table[24][col] = 40 / divisor;
        table[1][col] = 25 / divisor;
        table[0][col] = outcome_total + table[24][col] - table[1][col];
    }
    for row in table.iter_mut() {
        row[6] = row[..6].iter().sum();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, column) in columns.iter().chain(["total"].iter()).enumerate() {
            doc["cells"][format!("s3.{}.{column}", row.key)] = Value::from(table[r][c]);
        }
    }
    doc["cells"]["s3.outcome_total.natural"] = Value::from(outcome_total_natural);
    let path = dir.join("白城市2024年报.json");
    fs::write(&path, doc.to_string()).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn one_number_off_in_a_city_wide_report_is_named_with_its_right_value() {
    let dir = scratch("city_wide");
    let consistent = city_wide(&dir, 3375);
    let text = stdout(&xxgk(&["check", &consistent]));
    assert!(!text.contains("错误 A"), "the generated report is consistent: {text}");
    let file = city_wide(&dir, 3376);
    let output = xxgk(&["check", &file]);
    let text = stdout(&output);
    assert_eq!(output.status.code(), Some(1));
    let named = "定位：最可能是（七）总计（自然人）填写有误：改为 3375，则 A001、A002、A003 同时成立";
    assert_eq!(text.matches(named).count(), 3, "A001, A002 and A003 all name it: {text}");
    assert_eq!(text.matches("修正（需复核）：将（七）总计（自然人）改为 3375").count(), 3, "{text}");

    // A number is not a safe fix; with --unsafe-fixes it is applied, and the sums hold.
    let output = xxgk(&["check", "--diff", &file]);
    assert!(!stdout(&output).contains("3375"), "{}", stdout(&output));
    let output = xxgk(&["check", "--fix", "--unsafe-fixes", &file]);
    let text = stdout(&output);
    assert!(text.contains("\n    A001 将（七）总计（自然人）改为 3375（需复核）\n"), "{text}");
    assert!(!text.contains("错误 A"), "{text}");
    let fixed: Value = serde_json::from_str(&fs::read_to_string(dir.join("白城市2024年报（已修正）.json")).unwrap()).unwrap();
    assert_eq!(fixed["cells"]["s3.outcome_total.natural"], 3375);
}

#[test]
fn reviewed_findings_are_shown_and_counted_apart() {
    let dir = scratch("reviewed");
    let mut doc: Value = serde_json::from_str(SEED).unwrap();
    let seed = xxgk_report::model::from_json(SEED).unwrap();
    let t004 = xxgk_report::check(&seed).into_iter().find(|f| f.code == "T004").unwrap();
    let fingerprint = xxgk_report::rules::review::fingerprint(&seed, &t004);
    doc["reviewed"] = serde_json::json!([{"code": "T004", "field": "text.overview", "text": "新郑", "fingerprint": fingerprint, "reason": "新郑是本镇的村名"}]);
    let path = dir.join("reviewed.json");
    fs::write(&path, doc.to_string()).unwrap();
    let text = stdout(&xxgk(&["check", path.to_str().unwrap()]));
    assert!(text.contains("  已核实 T004 foreign-place-name\n"), "{text}");
    assert!(text.contains("    已核实：新郑是本镇的村名"), "{text}");
    assert!(text.contains("0 个错误、7 个警告、0 条提示（另有 1 条已核实）"), "{text}");
}
