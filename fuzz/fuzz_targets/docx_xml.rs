//! Structure-aware .docx: the input is `word/document.xml` inside a valid archive, so the
//! WordprocessingML reader and the table mapper are reached, not only the zip reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|xml: &[u8]| {
    let docx = xxgk_report_fuzz::docx_with_document(xml);
    xxgk_report_fuzz::check_import(xxgk_report::import::import_with_summary(&docx, "报告.docx"));
});
