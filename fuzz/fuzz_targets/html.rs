//! The HTML reader on a saved page's bytes (charset detection included): the prefix makes the
//! importer take every input for a page, so the mutations reach the tokenizer and the tree.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut page = b"<!DOCTYPE html>".to_vec();
    page.extend_from_slice(data);
    xxgk_report_fuzz::check_import(xxgk_report::import::import_with_summary(&page, "报告.html"));
});
