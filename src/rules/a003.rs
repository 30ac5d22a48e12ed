use super::{declare_rule, Context, Finding};
use crate::model::labels::{S3_COLUMNS, S3_ROWS};
use crate::model::CellId;

declare_rule! {
    /// ## What it checks
    /// For each row of table 三, that the 总计 column equals the sum of the six applicant
    /// columns (自然人 and the five kinds of 法人或其他组织).
    ///
    /// ## Why it matters
    /// A row total that differs from its parts makes every column check meaningless.
    ///
    /// ## Example
    /// Wrong: 本年新收 自然人 5, 商业企业 2, others 0, 总计 5.
    ///
    /// Right: 总计 7.
    code: "A003",
    name: "applicant-total",
    severity: Error,
    inputs: Tables,
    summary: "三、每行：总计应等于六类申请人之和",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let total_col = S3_COLUMNS.len() - 1;
    for (row, axis) in S3_ROWS.iter().enumerate() {
        let total_id = CellId::s3(row, total_col);
        let Some(total) = ctx.report.count(total_id) else { continue };
        let parts = (0..total_col).map(|col| CellId::s3(row, col));
        let Some(sum) = ctx.sum(parts.clone()) else { continue };
        if sum == u128::from(total) {
            continue;
        }
        let message = format!(
            "{}填写 {total}，但自然人与法人或其他组织各列之和为 {sum}，相差 {}，请核对「{}」这一行",
            total_id.label(),
            sum.abs_diff(u128::from(total)),
            axis.label,
        );
        let cells = std::iter::once(total_id).chain(parts);
        out.push(Finding::new(&RULE, message).with_cells(cells).with_values(total, sum));
    }
}
