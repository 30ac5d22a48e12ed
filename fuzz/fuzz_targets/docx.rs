//! The .docx container as a whole (zip, parts, XML) from raw bytes.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    xxgk_report_fuzz::check_import(xxgk_report::import::import_with_summary(data, "报告.docx"));
});
