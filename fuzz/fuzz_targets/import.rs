//! The importer as a whole: format detection by content, then the reader it picks.
//! The first byte picks the file name hint (the extension only sharpens messages).
#![no_main]
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 9] = ["报告.docx", "报告.txt", "报告.json", "报告.doc", "报告.pdf", "报告.html", "报告.wps", "报告", "报告.shtml"];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, bytes)) = data.split_first() else { return };
    let name = NAMES[usize::from(pick) % NAMES.len()];
    xxgk_report_fuzz::check_import(xxgk_report::import::import_with_summary(bytes, name));
});
