//! `xxgk check` over a folder of 1,000 reports in mixed formats (made from the LibreOffice .docx
//! fixtures, their extracted text and the JSON seed), with a broken and an unreadable file
//! among them; `xxgk check --previous`, pairing in a batch, and `xxgk sum`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{Data, Reader, Xlsx};
use serde_json::Value;

fn xxgk(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xxgk")).args(args).output().expect("xxgk runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("batch_cli").join(test);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

fn fixture(path: &str) -> Vec<u8> {
    fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(path)).unwrap()
}

/// 1,000 files in nested folders: 998 reports (four LibreOffice .docx, text, JSON), a .docx cut
/// short (broken) and a link to nowhere (unreadable); plus a picture, which is skipped.
fn corpus(dir: &Path) -> Vec<String> {
    let sources = [
        ("docx", fixture("import/seed.docx")),
        ("docx", fixture("import/variants.docx")),
        ("docx", fixture("import/tracked-libreoffice.docx")),
        ("docx", fixture("import/y2019.docx")),
        ("txt", fixture("import/seed.txt")),
        ("json", fixture("seed.json")),
    ];
    let mut names = Vec::new();
    for i in 0..998 {
        let (extension, bytes) = &sources[i % sources.len()];
        let name = format!("{}/{:04}.{extension}", ["乡镇", "部门", "部门/其他"][i % 3], i);
        fs::create_dir_all(dir.join(&name).parent().unwrap()).unwrap();
        fs::write(dir.join(&name), bytes).unwrap();
        names.push(name);
    }
    let seed = fixture("import/seed.docx");
    fs::write(dir.join("损坏.docx"), &seed[..seed.len() / 2]).unwrap();
    std::os::unix::fs::symlink(dir.join("不存在"), dir.join("无法读取.docx")).unwrap();
    fs::write(dir.join("照片.png"), b"\x89PNG").unwrap();
    names
}

#[test]
fn a_folder_of_1000_mixed_reports() {
    let dir = scratch("thousand");
    let corpus_dir = dir.join("报告");
    let names = corpus(&corpus_dir);
    let folder = corpus_dir.to_str().unwrap();

    // The workbook: one summary row per file, the failed ones saying why.
    let xlsx = dir.join("检查结果.xlsx");
    let output = xxgk(&["check", folder, "--format", "xlsx", "-o", xlsx.to_str().unwrap()]);
    let stderr = text(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("1 个文件不是报告"), "{stderr}");
    assert!(stderr.contains("已写入"), "{stderr}");
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(&book.sheet_names()[..2], ["报告汇总", "问题明细"]);
    let summary = book.worksheet_range("报告汇总").unwrap();
    assert_eq!(summary.height(), 1 + 1000);
    let row_of = |name: &str| (1..summary.height()).find(|&r| summary.get((r, 0)) == Some(&Data::String(corpus_dir.join(name).to_string_lossy().into())));
    let broken = row_of("损坏.docx").expect("a row for the broken file");
    assert_eq!(summary.get((broken, 5)), Some(&Data::String("无法读取".into())));
    let why = summary.get((broken, 10)).unwrap().to_string();
    assert!(why.contains("损坏"), "{why}");
    let unreadable = row_of("无法读取.docx").expect("a row for the unreadable file");
    assert_eq!(summary.get((unreadable, 10)), Some(&Data::String("文件不存在".into())));
    let good = row_of(&names[0]).unwrap();
    assert_eq!(summary.get((good, 1)), Some(&Data::String("通榆县边昭镇".into())));
    assert_eq!(summary.get((good, 3)), Some(&Data::String("2024".into())));
    assert!(summary.get((good, 9)).unwrap().to_string().contains("T004"));
    let old = row_of(&names[3]).unwrap();
    assert_eq!(summary.get((old, 4)), Some(&Data::String("2019".into())));
    assert!(summary.get((old, 10)).unwrap().to_string().contains("2019 年旧版"));
    let findings = book.worksheet_range("问题明细").unwrap();
    assert!(findings.height() > 998 * 5, "{}", findings.height());

    // JSON: every file in input order, the bad ones with their message.
    let output = xxgk(&["check", folder, "--json"]);
    assert_eq!(output.status.code(), Some(2));
    let entries: Vec<Value> = serde_json::from_slice(&output.stdout).expect("one JSON document");
    let files: Vec<&Value> = entries.iter().filter(|e| e.get("file").is_some()).collect();
    assert_eq!(files.len(), 1000);
    let listed: Vec<String> = files.iter().map(|e| e["file"].as_str().unwrap().to_string()).collect();
    let mut sorted = listed.clone();
    sorted.sort();
    assert_eq!(listed, sorted, "input order is name order, folder by folder");
    let failed: Vec<&&Value> = files.iter().filter(|e| e.get("error").is_some()).collect();
    assert_eq!(failed.len(), 2);
    assert!(files.iter().filter(|e| e.get("findings").is_some()).all(|e| e["counts"]["warning"].as_u64().unwrap() > 0));

    // Text: a summary line per good file, the two others on stderr.
    let output = xxgk(&["check", folder, "-j", "2"]);
    let stdout = text(&output.stdout);
    assert_eq!(stdout.lines().filter(|l| l.ends_with("条提示")).count(), 998);
    assert!(stdout.contains("共 1000 个文件：") && stdout.contains("2 个文件无法检查"), "{}", stdout.lines().last().unwrap());
    let stderr = text(&output.stderr);
    assert!(stderr.contains("无法检查") && stderr.contains("损坏.docx") && stderr.contains("无法读取.docx：文件不存在"), "{stderr}");
    assert!(!stderr.contains('\u{1b}'), "no progress bar when not on a terminal");

}

fn write_json(dir: &Path, name: &str, edit: impl FnOnce(&mut Value)) -> String {
    let mut doc: Value = serde_json::from_slice(&fixture("batch/hongze-2024.json")).unwrap();
    edit(&mut doc);
    let path = dir.join(name);
    fs::write(&path, doc.to_string()).unwrap();
    path.to_string_lossy().into_owned()
}

#[test]
fn last_years_report_from_the_command_line_and_pairs_found_in_a_batch() {
    let dir = scratch("previous");
    let this = write_json(&dir, "2024.json", |_| {});
    let last = write_json(&dir, "2023.json", |doc| {
        doc["year"] = 2023.into();
        doc["agency"]["name"] = "淮安市洪泽区 人民政府".into();
        doc["cells"]["s3.carried_out.natural"] = 5.into();
        doc["cells"]["s3.carried_out.total"] = 5.into();
        doc["cells"]["s2.normative.in_force"] = 5.into();
        doc["text"]["overview"] = "2023年，本区认真贯彻落实条例，另起炉灶写了一份完全不同的总体情况。".repeat(3).into();
    });
    let output = xxgk(&["check", &this, "--previous", &last]);
    let stdout = text(&output.stdout);
    assert!(stdout.contains("警告 Y001 carry-over-from-last-year"), "{stdout}");
    assert!(stdout.contains("上年结转（自然人）填写 0，但 2023 年报告结转下年度继续办理（自然人）为 5"), "{stdout}");
    assert!(!stdout.contains("Y002"), "{stdout}");

    let output = xxgk(&["check", dir.to_str().unwrap()]);
    let stdout = text(&output.stdout);
    assert!(stdout.contains(&format!("跨年度对比 淮安市洪泽区人民政府：2023 年 {last} → 2024 年 {this}")), "{stdout}");
    assert!(stdout.contains("上年结转（自然人）填写 0"), "{stdout}");
    assert!(stdout.contains("1 对相邻年度的报告"), "{stdout}");
    let output = xxgk(&["check", dir.to_str().unwrap(), "--json"]);
    let entries: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    let pair = entries.iter().find(|e| e.get("pair").is_some()).expect("a pair entry");
    assert_eq!(pair["pair"]["previous"], last.as_str());
    let codes: Vec<&str> = pair["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["Y001", "Y001", "Y003"], "五、存在的主要问题 is last year's word for word");

    // CSV: UTF-8 with BOM, every file, the cross-year findings under this year's file.
    let output = xxgk(&["check", dir.to_str().unwrap(), "--format", "csv"]);
    let csv = text(&output.stdout);
    assert!(csv.starts_with("\u{feff}文件,机关名称"));
    assert!(csv.lines().any(|l| l.starts_with(&format!("{this},淮安市洪泽区人民政府,2024,,警告,Y001,"))), "{csv}");
    assert!(csv.contains(&last));
}

#[test]
fn sum_writes_a_report_the_page_and_the_cli_open() {
    let dir = scratch("sum");
    let a = write_json(&dir, "a.json", |doc| doc["cells"]["s2.fee.amount"] = "1.5".into());
    let b = write_json(&dir, "b.json", |doc| {
        doc["agency"]["name"] = "淮安市洪泽区发展和改革委员会".into();
        doc["cells"]["s2.fee.amount"] = "2.250001".into();
        doc["cells"]["s2.normative.in_force"] = 30.into();
    });
    let out = dir.join("汇总.json");
    let output = xxgk(&["sum", &a, &b, "-o", out.to_str().unwrap(), "--agency", "淮安市洪泽区人民政府"]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    assert!(text(&output.stderr).contains("汇总了 2 份 2024 年的报告"));
    let sum: Value = serde_json::from_slice(&fs::read(&out).unwrap()).unwrap();
    assert_eq!(sum["cells"]["s2.fee.amount"], "3.750001");
    assert_eq!(sum["cells"]["s2.normative.in_force"], 38);
    assert_eq!(sum["agency"]["name"], "淮安市洪泽区人民政府");
    let output = xxgk(&["check", out.to_str().unwrap()]);
    assert!(text(&output.stdout).contains("S001") || output.status.code().is_some(), "the sum is a report like any other");

    let docx = dir.join("汇总.docx");
    assert_eq!(xxgk(&["sum", &a, &b, "-o", docx.to_str().unwrap()]).status.code(), Some(0));
    let back = xxgk(&["convert", docx.to_str().unwrap(), "--to", "json"]);
    let back: Value = serde_json::from_slice(&back.stdout).unwrap();
    assert_eq!(back["cells"]["s2.normative.in_force"], 38);

    let xlsx = dir.join("汇总.xlsx");
    assert_eq!(xxgk(&["sum", &a, &b, "-o", xlsx.to_str().unwrap()]).status.code(), Some(0));
    let mut book: Xlsx<_> = calamine::open_workbook(&xlsx).unwrap();
    assert_eq!(book.worksheet_range("各来源明细").unwrap().width(), 3 + 2);

    let twice = xxgk(&["sum", &a, &a]);
    assert!(text(&twice.stderr).contains("出现了 2 次"), "{}", text(&twice.stderr));
    let old = write_json(&dir, "old.json", |doc| doc["year"] = 2023.into());
    let refused = xxgk(&["sum", &a, &old, "-o", out.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(text(&refused.stderr).contains("不同年度的报告不能汇总"), "{}", text(&refused.stderr));
}
