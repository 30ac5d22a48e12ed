//! Word 97–2003 .doc (and .wps): the compound file, the piece table, cell and row marks.
//! Compound files have no checksums, so mutations of the seed .doc files reach the streams.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    xxgk_report_fuzz::check_import(xxgk_report::import::import_with_summary(data, "报告.doc"));
});
