//! The checker on arbitrary reports: any year, agency, headings, prose and cell text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|report: xxgk_report_fuzz::ArbitraryReport| {
    let report = report.build();
    xxgk_report_fuzz::check_report(&report);
});
