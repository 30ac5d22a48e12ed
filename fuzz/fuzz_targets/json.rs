//! The strict JSON reader (`xxgk` and imports of .json files): a report or an error that
//! names the place in Chinese; a report reads back from its own JSON unchanged.
#![no_main]
use libfuzzer_sys::fuzz_target;
use xxgk_report::model::from_json;

fuzz_target!(|text: &str| {
    match from_json(text) {
        Ok(report) => xxgk_report_fuzz::check_report(&report),
        Err(error) => assert!(xxgk_report_fuzz::is_chinese(&error.message), "{error}"),
    }
});
