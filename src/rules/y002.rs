use super::y001::{consecutive, year_name};
use super::{declare_rule, Context, Finding};
use crate::model::CellId;

declare_rule! {
    /// ## 检查内容
    /// 需要上一年度的报告。第二部分「规章」和「行政规范性文件」两行：本年的「现行有效件数」
    /// 应等于上一年度报告的现行有效件数，加本年制发件数，减本年废止件数。两份报告的年份不相邻时不检查。
    ///
    /// ## 为什么重要
    /// 现行有效的文件逐年累计：上年末有效的，加上本年新制发的，减去本年废止的，就是本年末有效的。
    /// 对不上，常见的原因是沿用了上年的数字、漏填了废止件数，或者本年集中清理了文件而没有说明。
    /// 清理文件是正当的原因，因此这里只给出警告：确因清理而不一致的，请在报告中写明清理情况。
    ///
    /// ## 示例
    /// 错误写法：2023 年报告行政规范性文件现行有效 393 件；2024 年制发 12 件、废止 3 件，现行有效填 470 件。
    ///
    /// 正确写法：2024 年现行有效填 402 件（393 + 12 − 3），或在报告中说明集中清理、重新统计的情况。
    code: "Y002",
    name: "documents-in-force-from-last-year",
    severity: Warning,
    inputs: Tables,
    summary: "二、现行有效件数应等于上一年度报告的现行有效件数加本年制发减本年废止（需要上一年度报告）",
    check: check,
}

/// Rows 规章 and 行政规范性文件 of [`S2_ROWS`](crate::model::cells::S2_ROWS).
const ROWS: [usize; 2] = [0, 1];
const ISSUED: usize = 0;
const REPEALED: usize = 1;
const IN_FORCE: usize = 2;

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(previous) = ctx.previous.filter(|p| consecutive(ctx.report.year, p.year)) else { return };
    let last_year = year_name(previous.year);
    for row in ROWS {
        let ids = [IN_FORCE, ISSUED, REPEALED].map(|col| CellId::s2(row, col));
        let Some([in_force, issued, repealed]) = ctx.counts(ids) else { continue };
        let Some(last_in_force) = previous.count(ids[0]) else { continue };
        let expected = i128::from(last_in_force) + i128::from(issued) - i128::from(repealed);
        if i128::from(in_force) == expected {
            continue;
        }
        let message = format!(
            "二、{label}：现行有效件数填写 {in_force}，但按{last_year}报告的现行有效件数 {last_in_force} \
             加本年制发 {issued} 减本年废止 {repealed}，应为 {expected}，相差 {diff}。\
             若本年集中清理或重新统计了文件，请在报告中说明；否则请核对两年的表格",
            label = ids[0].def().row.label,
            diff = (i128::from(in_force) - expected).unsigned_abs(),
        );
        let computed = u128::try_from(expected).unwrap_or(0);
        out.push(Finding::new(&RULE, message).with_cells(ids).with_values(in_force, computed));
    }
}
