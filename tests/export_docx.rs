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

/// 发文机关署名 and 成文日期 as LibreOffice lays them out (GB/T 9704-2012, 7.3.5.2): the name two
/// characters (2 × 16 pt) from the right margin, the date on the next line, its first character
/// two characters right of the name's first character; a date longer than the name stands two
/// characters from the margin. (The name's place in the second case depends on the width of
/// the digits of the font, which is not 仿宋_GB2312 here: not checked.)
#[test]
fn the_signature_ends_the_document_where_gb_t_9704_puts_it() {
    if !tools::required("soffice", "--version", "libreoffice-writer-nogui fonts-noto-cjk")
        || !tools::required("pdftotext", "-v", "poppler-utils")
    {
        return;
    }
    let character = 16.0;
    // A4 is 595.3 pt wide; the right margin is 26 mm (73.7 pt).
    let margin = 595.3 - 26.0 / 25.4 * 72.0;
    for (agency, dir) in [("通榆县边昭镇人民政府", "export-docx-signature"), ("民政局", "export-docx-signature-short")] {
        let mut report = numbered_report();
        report.agency.name = agency.into();
        report.date = xxgk_report::model::ReportDate::new(2025, 1, 15);
        let dir = out_dir(dir);
        let docx = dir.join(file_name(&report));
        std::fs::write(&docx, to_docx(&report).unwrap()).unwrap();
        let pdf = to_pdf(&docx, &dir);
        let out = Command::new("pdftotext").args(["-bbox-layout", "-enc", "UTF-8"]).arg(&pdf).arg("-").output().unwrap();
        assert!(out.status.success());
        let xhtml = String::from_utf8(out.stdout).unwrap();
        // The last <line> of the document with this text: (xMin, yMin, xMax).
        let line_of = |needle: &str| -> (f64, f64, f64) {
            let mut found = None;
            for line in xhtml.split("<line ").skip(1) {
                let words: String = line.split("<word ").skip(1).filter_map(|w| w.split('>').nth(1)?.split('<').next()).collect();
                if words == needle {
                    let attr = |name: &str| -> f64 {
                        let at = line.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                        line[at..].split('"').next().unwrap().parse().unwrap()
                    };
                    found = Some((attr("xMin"), attr("yMin"), attr("xMax")));
                }
            }
            found.unwrap_or_else(|| panic!("no line 「{needle}」 in the PDF"))
        };
        let (name_left, name_top, name_right) = line_of(agency);
        let (date_left, date_top, date_right) = line_of("2025年1月15日");
        assert!(date_top > name_top && date_top - name_top < 40.0, "{agency}: the date on the line under the name");
        if agency.chars().count() > 8 {
            assert!((margin - name_right - 2.0 * character).abs() < 2.0, "{agency}: name ends {:.1} pt before the margin", margin - name_right);
            assert!((date_left - name_left - 2.0 * character).abs() < 2.0, "{agency}: date starts {:.1} pt right of the name", date_left - name_left);
        } else {
            assert!((margin - date_right - 2.0 * character).abs() < 2.0, "{agency}: date ends {:.1} pt before the margin", margin - date_right);
            assert!(name_left < date_left, "{agency}: the name starts left of the date");
        }
    }
}
