//! Reports built from arbitrary data, for the `check` target (and its regression inputs).

use xxgk_report::Report;

/// A report built from arbitrary data through the model's own setters, as the page builds one
/// from what a clerk types.
#[derive(Debug, arbitrary::Arbitrary)]
pub struct ArbitraryReport {
    year: Option<i32>,
    name: String,
    level: Option<u8>,
    region: String,
    address: String,
    postcode: String,
    phone: String,
    email: String,
    headings: Option<Vec<String>>,
    preamble: String,
    overview: String,
    problems: String,
    other: String,
    /// (cell index modulo the number of cells, text as typed).
    cells: Vec<(u16, String)>,
    /// Fill every other cell with this count first (a mostly filled form), if given.
    fill: Option<u32>,
}

impl ArbitraryReport {
    pub fn build(self) -> Report {
        use xxgk_report::model::Level;
        const LEVELS: [&str; 6] = ["state_council_dept", "province", "city", "county", "township", "department"];
        let mut report = Report::empty();
        report.year = self.year;
        report.agency.name = self.name;
        report.agency.level = self.level.and_then(|l| Level::from_key(LEVELS[usize::from(l) % LEVELS.len()]));
        report.agency.region = self.region;
        report.agency.address = self.address;
        report.agency.postcode = self.postcode;
        report.agency.phone = self.phone;
        report.agency.email = self.email;
        report.headings = self.headings;
        report.text.preamble = self.preamble;
        report.text.overview = self.overview;
        report.text.problems = self.problems;
        report.text.other = self.other;
        let ids: Vec<xxgk_report::CellId> = xxgk_report::CellId::all().collect();
        if let Some(fill) = self.fill {
            for &id in &ids {
                report.set_cell_text(id, &fill.to_string());
            }
        }
        for (index, text) in self.cells {
            let id = ids[usize::from(index) % ids.len()];
            report.set_cell_text(id, &text);
        }
        report
    }
}
