use super::{declare_rule, Context, Finding};
use crate::model::labels::{S3_COLUMNS, S3_ROWS};
use crate::model::CellId;

declare_rule! {
    /// ## 检查内容
    /// 需要上一年度的报告。第三部分逐列（每类申请人）检查：本年的
    /// 「二、上年结转政府信息公开申请数量」应等于上一年度报告的「四、结转下年度继续办理」。
    /// 两份报告的年份不相邻时不检查。
    ///
    /// ## 为什么重要
    /// 上年结转下来的申请，就是上年报告中结转下年度继续办理的那些申请，两个数只能相等。
    /// 不相等，说明其中一年的表格填错了，或者有申请在两年之间漏计、重复计算。
    ///
    /// ## 示例
    /// 错误写法：2024 年报告「上年结转（自然人）」填 3，而 2023 年报告「结转下年度继续办理（自然人）」为 5。
    ///
    /// 正确写法：2024 年报告「上年结转（自然人）」填 5，与 2023 年报告一致。
    code: "Y001",
    name: "carry-over-from-last-year",
    severity: Warning,
    inputs: Tables,
    summary: "三、上年结转应等于上一年度报告的结转下年度继续办理（需要上一年度报告）",
    check: check,
}

const CARRIED_IN: usize = 1;
const CARRIED_OUT: usize = 24;

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(previous) = ctx.previous.filter(|p| consecutive(ctx.report.year, p.year)) else { return };
    let last_year = year_name(previous.year);
    for (col, column) in S3_COLUMNS.iter().enumerate() {
        let id = CellId::s3(CARRIED_IN, col);
        let (Some(carried_in), Some(carried_out)) = (ctx.report.count(id), previous.count(CellId::s3(CARRIED_OUT, col)))
        else {
            continue;
        };
        if carried_in == carried_out {
            continue;
        }
        let message = format!(
            "上年结转（{column}）填写 {carried_in}，但{last_year}报告{out_row}（{column}）为 {carried_out}，相差 {diff}。\
             本年的上年结转应等于上一年度结转下年度继续办理的申请数，请核对两年的表格",
            column = column.label,
            out_row = S3_ROWS[CARRIED_OUT].label.trim_start_matches("四、"),
            diff = carried_in.abs_diff(carried_out),
        );
        out.push(Finding::new(&RULE, message).with_cells([id]).with_values(carried_in, carried_out));
    }
}

/// True unless both years are known and are not one after the other.
pub(super) fn consecutive(this: Option<i32>, previous: Option<i32>) -> bool {
    match (this, previous) {
        (Some(this), Some(previous)) => previous + 1 == this,
        _ => true,
    }
}

/// 「2023 年」, or 「上一年度」 when the previous report gives no year.
pub(super) fn year_name(year: Option<i32>) -> String {
    match year {
        Some(year) => format!(" {year} 年"),
        None => "上一年度".to_string(),
    }
}
