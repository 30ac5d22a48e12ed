//! Round trip: a report exported to .docx and read back by the .docx importer is the same
//! report: year, agency name, every heading, every paragraph and every cell.

mod export_support;

use export_support::{numbered_report, seed};
use xxgk_report::export::docx::{file_name, to_docx};
use xxgk_report::import::import;
use xxgk_report::model::{CellId, Report};

fn assert_round_trip(name: &str, report: &Report) {
    let bytes = to_docx(report).unwrap();
    let back = import(&bytes, &file_name(report)).unwrap_or_else(|e| panic!("{name}: the export does not import: {e}"));

    assert_eq!(back.year, report.year, "{name}: year");
    assert_eq!(back.agency.name, report.agency.name, "{name}: agency name");
    // The export writes the official headings, whatever the report had.
    assert_eq!(back.headings, Some(Report::official_headings()), "{name}: headings");
    for field in xxgk_report::model::TextField::ALL {
        let expected: Vec<&str> = report.text.get(field).lines().collect();
        let got: Vec<&str> = back.text.get(field).lines().collect();
        assert_eq!(got, expected, "{name}: {}", field.label());
    }
    let differing: Vec<String> = CellId::all()
        .filter(|id| back.cell(*id) != report.cell(*id))
        .map(|id| format!("{id}: {:?} → {:?}", report.cell(id), back.cell(id)))
        .collect();
    assert!(differing.is_empty(), "{name}: {} cells differ:\n{}", differing.len(), differing.join("\n"));
    if let Some(source) = &back.source {
        assert!(source.edited_labels.is_empty(), "{name}: labels read as edited: {:?}", source.edited_labels);
        assert!(source.unplaced.is_empty(), "{name}: content not placed: {:?}", source.unplaced);
    }
}

#[test]
fn docx_export_imports_back_as_the_same_report() {
    assert_round_trip("seed", &seed());
    assert_round_trip("numbered", &numbered_report());

    let mut sparse = seed();
    sparse.text.problems.clear();
    sparse.set_cell_text(CellId::known("s3.new.natural"), "/");
    sparse.set_cell_text(CellId::known("s3.new.total"), "");
    sparse.set_cell_text(CellId::known("s2.fee.amount"), "0.5");
    assert_round_trip("sparse", &sparse);
}
