//! The page's draft reader, which keeps text typed into a number cell: whatever reads must
//! write back and read again to the same report.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xxgk_report::model::{from_json_keeping_invalid, to_json};

fuzz_target!(|text: &str| {
    match from_json_keeping_invalid(text) {
        Ok(report) => {
            let again = from_json_keeping_invalid(&to_json(&report)).expect("a draft's own JSON reads back");
            assert_eq!(again, report);
            xxgk_report_fuzz::check_report(&report);
        }
        Err(error) => assert!(xxgk_report_fuzz::is_chinese(&error.message), "{error}"),
    }
});
