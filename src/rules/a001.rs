use super::{declare_rule, Context, Finding};
use crate::model::labels::S3_COLUMNS;
use crate::model::CellId;

declare_rule! {
    /// ## What it checks
    /// The rule printed in table 三 itself, for each applicant column:
    /// 本年新收 + 上年结转 = 办理结果总计 + 结转下年度继续办理
    /// (「第一项加第二项之和，等于第三项加第四项之和」).
    ///
    /// ## Why it matters
    /// Every request received or carried in is either decided this year or carried out to the
    /// next: a gap means requests were lost or counted twice. Reviewers check this first.
    ///
    /// ## Example
    /// Wrong: 商业企业 new 3, carried in 1, outcome total 2, carried out 1 (4 ≠ 3).
    ///
    /// Right: new 3, carried in 1, outcome total 3, carried out 1.
    code: "A001",
    name: "requests-balance",
    severity: Error,
    inputs: Tables,
    summary: "三、每列：第一项加第二项之和应等于第三项加第四项之和",
    check: check,
}

const NEW: usize = 0;
const CARRIED_IN: usize = 1;
const OUTCOME_TOTAL: usize = 23;
const CARRIED_OUT: usize = 24;

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (col, column) in S3_COLUMNS.iter().enumerate() {
        let ids = [OUTCOME_TOTAL, CARRIED_OUT, NEW, CARRIED_IN].map(|row| CellId::s3(row, col));
        let Some([total, carried_out, new, carried_in]) = ctx.counts(ids) else { continue };
        let received = u128::from(new) + u128::from(carried_in);
        let handled = u128::from(total) + u128::from(carried_out);
        if received == handled {
            continue;
        }
        let message = format!(
            "三、{}列：第一项加第二项之和为 {received}（本年新收 {new} + 上年结转 {carried_in}），\
             第三项加第四项之和为 {handled}（办理结果总计 {total} + 结转下年度继续办理 {carried_out}），\
             相差 {}。两者应相等，请核对这四个数",
            column.label,
            received.abs_diff(handled),
        );
        out.push(Finding::new(&RULE, message).with_cells(ids).with_values(handled, received));
    }
}
