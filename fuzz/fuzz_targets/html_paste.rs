//! HTML pasted from the clipboard (the page's text/html flavour), already text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|html: &str| {
    xxgk_report_fuzz::check_import(xxgk_report::import::import_html_text(html));
});
