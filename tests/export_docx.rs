//! The Word export as a person sees it: converted by LibreOffice to PDF, its text checked and,
//! with XXGK_EXPORT_PREVIEW=1, its first five pages rasterised into docs/export/ for a look.
//!
//! Needs `soffice` (Debian: libreoffice-writer-nogui), `pdftotext`/`pdftoppm` (poppler-utils)
//! and a CJK font (fonts-noto-cjk): required under CI, skipped with a notice elsewhere
//! (`tools::required`).

mod export_support;
mod tools;

use std::path::{Path, PathBuf};
use std::process::Command;

use export_support::numbered_report;
use xxgk_report::export::docx::{file_name, to_docx};
use xxgk_report::model::{layouts, GridCell, Report};

fn out_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Converts a .docx to PDF with LibreOffice headless, in a private profile.
fn to_pdf(docx: &Path, dir: &Path) -> PathBuf {
    let profile = dir.join("lo-profile");
    let status = Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir)
        .arg(docx)
        .status()
        .expect("soffice runs");
    assert!(status.success(), "soffice failed on {}", docx.display());
    let pdf = dir.join(docx.file_stem().unwrap()).with_extension("pdf");
    assert!(pdf.exists(), "soffice wrote no PDF for {}", docx.display());
    pdf
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    assert!(out.status.success());
    // Drop the page numbers 「— 1 —」, which split paragraphs that run over a page.
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .filter(|l| !(l.starts_with('—') && l.ends_with('—')))
        .collect::<Vec<_>>()
        .join("\n")
}

fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn libreoffice_shows_every_heading_label_and_number() {
    if !tools::required("soffice", "--version", "libreoffice-writer-nogui fonts-noto-cjk")
        || !tools::required("pdftotext", "-v", "poppler-utils")
    {
        return;
    }
    let report = numbered_report();
    let dir = out_dir("export-docx");
    let docx = dir.join(file_name(&report));
    std::fs::write(&docx, to_docx(&report).unwrap()).unwrap();
    let pdf = to_pdf(&docx, &dir);
    let text = pdf_text(&pdf);
    let flat = squeeze(&text);

    assert!(flat.contains(&squeeze(&report.title())), "title missing");
    for heading in Report::official_headings() {
        assert!(flat.contains(&heading), "heading {heading} missing");
    }
    for line in report
        .text
        .overview
        .lines()
        .chain(report.text.problems.lines())
    {
        assert!(flat.contains(&squeeze(line)), "paragraph missing: {line}");
    }
    for layout in layouts() {
        for cell in layout.rows.iter().flatten() {
            if let GridCell::Label { text: label, .. } = cell {
                assert!(
                    flat.contains(&squeeze(label)),
                    "{}: label {label} missing",
                    layout.id
                );
            }
        }
    }
    // Every value, in the order of the tables (other numbers may stand between them).
    let tokens: Vec<&str> = text
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|t| !t.is_empty())
        .collect();
    let mut rest = tokens.iter();
    for layout in layouts() {
        for cell in layout.rows.iter().flatten() {
            if let GridCell::Input { cell, .. } = cell {
                let value = report.cell(*cell).display();
                if value.is_empty() {
                    continue;
                }
                assert!(
                    rest.any(|t| *t == value),
                    "value {value} of {cell} missing or out of order"
                );
            }
        }
    }

    if std::env::var_os("XXGK_EXPORT_PREVIEW").is_some() && tools::required("pdftoppm", "-v", "poppler-utils") {
        let status = Command::new("pdftoppm")
            .args(["-r", "60", "-png", "-f", "1", "-l", "5"])
            .arg(&pdf)
            .arg(dir.join("page"))
            .status()
            .unwrap();
        assert!(status.success());
        let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/export");
        std::fs::create_dir_all(&target).unwrap();
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.ends_with(".png") {
                std::fs::copy(entry.path(), target.join(format!("docx-{name}"))).unwrap();
            }
        }
    }
}
