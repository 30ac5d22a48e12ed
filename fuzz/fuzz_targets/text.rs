//! The text reader (text as Word, WPS or a PDF viewer extracts it), through the importer
//! with a .txt name; inputs that start like another format go to that reader.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    xxgk_report_fuzz::check_import(xxgk_report::import::import_with_summary(data, "报告.txt"));
});
