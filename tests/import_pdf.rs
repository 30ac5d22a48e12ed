//! The PDF reader on PDFs made by real programs: LibreOffice's exports of the official-layout
//! fixtures (the same report as their .docx), the published WPS-exported report of 洪泽区
//! (exactly its truth, judged by the shared tools), owner-password PDFs (qpdf), a scan
//! (pdftoppm + img2pdf); every cell with its page and line; and the hostile PDFs of
//! tests/hostile/pdf.rs within the memory limit.

mod hostile;

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

use xxgk_report::import::{import, import_with_summary};
use xxgk_report::model::{to_json, Report, SourceNote, SourcePos};

/// Counts the bytes allocated at once, to hold the readers to their memory limit.
struct Counting;

static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let now = NOW.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(now, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        NOW.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One test at a time, so that the allocation peak is one import's.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

fn serial() -> std::sync::MutexGuard<'static, ()> {
    ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner())
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> Vec<u8> {
    let path = root().join("tests/fixtures/import").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// What a PDF and a .docx of one document must agree on: everything but where each cell was
/// read (page and line against table, row and column).
fn comparable(mut report: Report) -> Report {
    if let Some(source) = report.source.as_mut() {
        source.cells = Default::default();
    }
    report
}

fn assert_same(pdf: &Report, docx: &Report, what: &str) {
    let (a, b) = (to_json(&comparable(pdf.clone())), to_json(&comparable(docx.clone())));
    for (n, (la, lb)) in a.lines().zip(b.lines()).enumerate() {
        assert_eq!(la, lb, "{what}: first difference at line {}", n + 1);
    }
    assert_eq!(a, b, "{what}");
}

/// Every cell found in a table of the PDF says on which page and line it was read.
fn assert_every_cell_has_page_and_line(report: &Report, pages: u32) {
    let cells = &report.source.as_ref().expect("source").cells;
    assert!(cells.len() >= 150, "{} cells with a position", cells.len());
    for (id, at) in cells.iter() {
        match at {
            SourcePos::Page { page, line } => assert!((1..=pages).contains(&page) && line >= 1, "{}: {at:?}", id.as_str()),
            other => panic!("{}: {other:?} is no page and line", id.as_str()),
        }
    }
}

#[test]
fn libreoffice_pdfs_of_the_official_layouts_import_as_their_docx() {
    let _serial = serial();
    for name in ["seed", "y2019"] {
        let pdf = import(&fixture(&format!("lo-pdf/{name}.pdf")), "x.pdf").unwrap();
        let docx = import(&fixture(&format!("{name}.docx")), "x.docx").unwrap();
        assert_same(&pdf, &docx, name);
        assert_every_cell_has_page_and_line(&pdf, 4);
    }
    let (report, summary) = import_with_summary(&fixture("lo-pdf/seed.pdf"), "seed.pdf").unwrap();
    assert_eq!(summary.cells_filled, 200, "{}", summary.message);
    assert!(summary.message.contains("PDF"), "{}", summary.message);
    // 表三 runs from page 2 onto page 3, its row 「2.其他法律行政法规禁止公开」 split by the break.
    let at = |id: &str| report.source.as_ref().unwrap().cells.get(xxgk_report::CellId::known(id)).expect(id);
    assert!(matches!(at("s3.new.natural"), SourcePos::Page { page: 2, .. }), "{:?}", at("s3.new.natural"));
    assert!(matches!(at("s3.carried_out.total"), SourcePos::Page { page: 3, .. }), "{:?}", at("s3.carried_out.total"));
}

/// The variants fixture puts two tables right against each other (表三 in two parts, 表四
/// twice): on paper, and so in the PDF, they are one ruled grid, so what cannot be placed is
/// the same but counted in fewer tables.
#[test]
fn the_libreoffice_pdf_of_the_variants_imports_as_its_docx_but_for_table_numbers() {
    let _serial = serial();
    let pdf = import(&fixture("lo-pdf/variants.pdf"), "variants.pdf").unwrap();
    let docx = import(&fixture("variants.docx"), "variants.docx").unwrap();
    let notes = |r: &Report| -> Vec<(String, String)> {
        r.source.as_ref().unwrap().unplaced.iter().map(|n: &SourceNote| (n.found.clone(), n.expected.clone())).collect()
    };
    assert_eq!(notes(&pdf), notes(&docx));
    let without_notes = |r: &Report| {
        let mut r = r.clone();
        r.source.as_mut().unwrap().unplaced.clear();
        r
    };
    assert_same(&without_notes(&pdf), &without_notes(&docx), "variants");
}

#[test]
fn owner_password_pdfs_read_like_the_pdf_they_were_made_from() {
    let _serial = serial();
    for (name, original) in [("owner-rc4-40", "y2019"), ("owner-rc4-128", "seed"), ("owner-aes-128", "seed"), ("owner-aes-256", "y2019")] {
        let protected = import(&fixture(&format!("pdf/{name}.pdf")), "x.pdf").unwrap_or_else(|e| panic!("{name}: {e}"));
        let plain = import(&fixture(&format!("lo-pdf/{original}.pdf")), "x.pdf").unwrap();
        assert_eq!(to_json(&protected), to_json(&plain), "{name}");
    }
}

#[test]
fn a_scan_and_a_user_password_get_their_message() {
    let _serial = serial();
    let scan = import(&fixture("pdf/scanned.pdf"), "scan.pdf").unwrap_err().message;
    assert!(scan.contains("扫描件") && scan.contains("OCR"), "{scan}");
    let locked = import(&fixture("pdf/user-password.pdf"), "locked.pdf").unwrap_err().message;
    assert!(locked.contains("打开密码"), "{locked}");
}

#[test]
fn a_damaged_cross_reference_table_is_repaired() {
    let _serial = serial();
    // 300 bytes inserted after the header: every offset in the xref is wrong.
    let mut pdf = fixture("lo-pdf/seed.pdf");
    let at = pdf.iter().position(|b| *b == b'\n').unwrap() + 1;
    pdf.splice(at..at, b"%".iter().chain([b' '; 298].iter()).chain(b"\n".iter()).copied());
    let repaired = import(&pdf, "seed.pdf").unwrap();
    assert_eq!(to_json(&repaired), to_json(&import(&fixture("lo-pdf/seed.pdf"), "seed.pdf").unwrap()));
}

/// Allocation peak and time of every hostile PDF (the time is printed, not asserted: it is
/// measured in the benchmarks).
#[test]
fn hostile_pdfs_stay_within_64_mb() {
    let _serial = serial();
    for case in hostile::cases().into_iter().filter(|c| c.what.starts_with("PDF")) {
        let before = NOW.load(Ordering::Relaxed);
        PEAK.store(before, Ordering::Relaxed);
        let started = std::time::Instant::now();
        let message = import(&case.bytes, case.file_name).expect_err(case.what).message;
        let elapsed = started.elapsed();
        let peak = PEAK.load(Ordering::Relaxed) - before;
        println!("{:<60} {:>7.1} ms {:>6.1} MB  {}", case.what, elapsed.as_secs_f64() * 1000.0, peak as f64 / 1048576.0, message.chars().take(40).collect::<String>());
        assert!(message.contains(case.message), "{}: «{message}» should say «{}»", case.what, case.message);
        assert!(peak <= 64 << 20, "{}: {:.1} MB allocated at once", case.what, peak as f64 / 1048576.0);
    }
}

// ---- The published report of 洪泽区 (tests/fixtures/real/hongze-2024/) ----------------------

fn case_dir() -> PathBuf {
    root().join("tests/fixtures/real/hongze-2024")
}

fn judge(tool: &str, output: &Path) -> (bool, String) {
    let tool = root().join("tests/fixtures/real/tools").join(tool);
    let run = Command::new("python3").arg(&tool).arg(case_dir()).arg(output).output().expect("python3 runs the judge");
    (run.status.success(), format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr)))
}

fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pdf");
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn xxgk(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_xxgk")).args(args).output().expect("xxgk runs")
}

#[test]
fn the_published_pdf_of_hongze_converts_to_its_truth() {
    let _serial = serial();
    let input = case_dir().join("report.pdf");
    let json = scratch("hongze.json");
    let run = xxgk(&["convert", input.to_str().unwrap(), "--to", "json", "-o", json.to_str().unwrap()]);
    assert!(run.status.success(), "convert: {}", String::from_utf8_lossy(&run.stderr));
    let (passed, report) = judge("compare_cells.py", &json);
    assert!(passed, "{report}");
    let imported = import(&std::fs::read(&input).unwrap(), "report.pdf").unwrap();
    // Every one of the 200 cells as printed, the 2021 rows of 「（六）其他处理」 forced to its 0s.
    let truth: serde_json::Value = serde_json::from_slice(&std::fs::read(case_dir().join("truth.json")).unwrap()).unwrap();
    let read: serde_json::Value = serde_json::from_str(&to_json(&imported)).unwrap();
    let (truth_cells, read_cells) = (truth["cells"].as_object().unwrap(), read["cells"].as_object().unwrap());
    assert_eq!(truth_cells.len(), 200);
    let wrong: Vec<String> = truth_cells
        .iter()
        .filter(|(id, value)| read_cells.get(*id) != Some(value))
        .map(|(id, value)| format!("{id}: truth {value}, read {:?}", read_cells.get(id)))
        .collect();
    assert!(wrong.is_empty(), "{} of 200 cells differ:\n{}", wrong.len(), wrong.join("\n"));
    assert_eq!((&read["year"], &read["headings"]), (&truth["year"], &truth["headings"]));
    // The agency as printed; its region is read from the name alone (淮安市洪泽区): the
    // province (江苏省) that truth.json adds is nowhere in the document.
    for field in ["name", "level", "address", "postcode", "phone"] {
        assert_eq!(read["agency"][field], truth["agency"][field], "agency.{field}");
    }
    assert!(truth["agency"]["region"].as_str().unwrap().ends_with(read["agency"]["region"].as_str().unwrap()));
    assert_every_cell_has_page_and_line(&imported, 5);
    // 「（四）无法提供」 shares its line with 「1.本机关不掌握相关政府信息」 on page 3; 表三 goes on to page 4.
    let at = |id: &str| imported.source.as_ref().unwrap().cells.get(xxgk_report::CellId::known(id)).expect(id);
    assert!(matches!(at("s3.unable.not_held.natural"), SourcePos::Page { page: 3, .. }));
    assert!(matches!(at("s3.unable.needs_creation.natural"), SourcePos::Page { page: 4, .. }));
    // 「（七）总计」 has an empty cell between its label and its numbers (a merged cell's artefact).
    assert!(matches!(at("s3.outcome_total.total"), SourcePos::Page { page: 4, .. }), "{:?}", at("s3.outcome_total.total"));
    assert!(imported.source.as_ref().unwrap().unplaced.is_empty(), "{:?}", imported.source.as_ref().unwrap().unplaced);
}

#[test]
fn the_check_of_the_published_pdf_of_hongze_meets_what_a_reviewer_finds() {
    let _serial = serial();
    let input = case_dir().join("report.pdf");
    let run = xxgk(&["check", "--json", input.to_str().unwrap()]);
    assert!(run.status.code().is_some_and(|c| c <= 1), "check: {}", String::from_utf8_lossy(&run.stderr));
    let findings = scratch("hongze.findings.json");
    std::fs::write(&findings, &run.stdout).unwrap();
    let (passed, report) = judge("compare.py", &findings);
    assert!(passed, "{report}");
}
