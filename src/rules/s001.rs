use super::{declare_rule, sections, Context, Finding};
use crate::model::labels::{SECTION_NUMERALS, SECTION_TITLES};
use crate::model::{CellId, CellValue, Report, Section};

declare_rule! {
    /// ## What it checks
    /// That the report has all six sections of the format, and the tables of sections 二,
    /// 三 and 四. A section is missing when none of the headings is recognisably its heading;
    /// a table is missing when not one of its cells is filled in.
    ///
    /// ## Why it matters
    /// The six parts and their tables are prescribed by 国办公开办函〔2021〕30号; a report that
    /// leaves one out is incomplete, however good the rest.
    ///
    /// ## Example
    /// Wrong: headings for 一 to 五, none for 六、其他需要报告的事项; or a heading 「四、…」 with
    /// no table under it.
    ///
    /// Right: all six headings, each with its content.
    code: "S001",
    name: "missing-section",
    severity: Error,
    inputs: Both,
    summary: "缺少六个部分之一，或缺少统计表格",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if let Some(headings) = &ctx.report.headings {
        let mut found = [false; SECTION_TITLES.len()];
        for heading in headings {
            if let Some(m) = sections::identify(heading) {
                found[m.section] = true;
            }
        }
        for section in 0..SECTION_TITLES.len() {
            if !found[section] {
                let message = format!(
                    "报告缺少第{}部分「{}、{}」：年度报告应包括格式规定的全部六个部分，请补充",
                    SECTION_NUMERALS[section], SECTION_NUMERALS[section], SECTION_TITLES[section]
                );
                out.push(Finding::new(&RULE, message).with_field("headings"));
            }
        }
    }
    let empty = empty_tables(ctx.report);
    for section in [Section::S2, Section::S3, Section::S4] {
        if !empty[section as usize] {
            continue;
        }
        let (numeral, title) = match section {
            Section::S2 => (1, SECTION_TITLES[1]),
            Section::S3 => (2, SECTION_TITLES[2]),
            Section::S4 => (3, SECTION_TITLES[3]),
        };
        let cells = CellId::in_section(section);
        let message = format!(
            "{}、{}的统计表格没有填写任何数据：请按格式逐项填写，没有的事项填 0",
            SECTION_NUMERALS[numeral], title
        );
        out.push(Finding::new(&RULE, message).with_cells(cells));
    }
}

/// Whether each table section has not a single cell filled in, indexed by `Section as usize`.
pub(super) fn empty_tables(report: &Report) -> [bool; 3] {
    let is_empty = |section| CellId::in_section(section).all(|id| matches!(report.cell(id), CellValue::Missing));
    [Section::S2, Section::S3, Section::S4].map(is_empty)
}
