use super::{declare_rule, sections, Context, Finding};
use crate::model::labels::{SECTION_NUMERALS, SECTION_TITLES};
use crate::model::{CellId, CellValue, Report, Section};

declare_rule! {
    /// ## 检查内容
    /// 报告应包含格式规定的全部六个部分，以及第二、三、四部分的统计表格。
    /// 没有任何一个标题能识别为某一部分的标题时，视为缺少该部分；某张表格一个单元格都没有填写时，
    /// 视为缺少该表格。
    ///
    /// ## 为什么重要
    /// 六个部分及其表格是国办公开办函〔2021〕30号规定的；缺少其中之一，其余部分写得再好，
    /// 报告也不完整。
    ///
    /// ## 示例
    /// 错误写法：只有「一」至「五」的标题，没有「六、其他需要报告的事项」；或者有「四、…」的标题，
    /// 下面却没有表格。
    ///
    /// 正确写法：六个标题齐全，每个标题下都有相应的内容。
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
