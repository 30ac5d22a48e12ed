use super::{declare_rule, Context, Finding};
use crate::model::TableEdition;

declare_rule! {
    /// ## What it checks
    /// That a report for 2021 or later uses the statistical tables of 国办公开办函〔2021〕30号,
    /// not those of the 2019 format (国办公开办函〔2019〕60号). The old tables are recognised
    /// on import by their labels: 「本年新制作数量」, 「上一年项目数量」, 「第二十条第（九）项」,
    /// the row 「规范性文件」 without 行政, 「（六）其他处理」 as a single row.
    ///
    /// Tables 三 and 四 of the old format are still imported and checked; its section 二 and
    /// the single row 其他处理 cannot be mapped onto the new cells and are left not filled.
    ///
    /// ## Why it matters
    /// Since the reports for 2021 the format prescribes the new tables: a report on the old
    /// ones misses the new rows and columns, and reviews mark it as a format defect.
    ///
    /// ## Example
    /// Wrong: a 2023 report whose table 二 has 「本年新制作数量 / 本年新公开数量 / 对外公开总数量」.
    ///
    /// Right: 「本年制发件数 / 本年废止件数 / 现行有效件数」.
    code: "S003",
    name: "old-table-format",
    severity: Error,
    inputs: Prose,
    summary: "2021 年及以后的报告使用了 2019 年旧版统计表格",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(source) = &ctx.report.source else { return };
    let Some(year) = ctx.report.year else { return };
    if source.tables == TableEdition::Y2019 && year >= 2021 {
        let message = format!(
            "这是 {year} 年度的报告，统计表格却是 2019 年旧版格式（国办公开办函〔2019〕60号）。\
             2021 年度起应使用国办公开办函〔2021〕30号规定的表格：第二部分表格和「（六）其他处理」的三行请按新格式重新填写"
        );
        out.push(Finding::new(&RULE, message));
    }
}
