//! Structure-aware PDF: the input is a page's content stream and its fonts' ToUnicode CMaps (see
//! `pdf_with_content`), put into a valid one-page PDF, so the mutations reach the text operators, the
//! font mapping, the lines and the table grid rather than the object parser.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let pdf = xxgk_report_fuzz::pdf_with_content(data);
    xxgk_report_fuzz::check_import(xxgk_report::import::import_with_summary(&pdf, "报告.pdf"));
});
