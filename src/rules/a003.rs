use super::{declare_rule, Context, Finding};
use crate::model::{equalities_of, EqualityKind};

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格每一行中，
    /// 「总计」列应等于六类申请人各列之和（「自然人」以及「法人或其他组织」下的五类）。
    ///
    /// 只填错了一个数时，检查结果会指出最可能填错的单元格和应填的数：同时看第三、四部分表格的
    /// 全部合计关系，找出只需改动最少单元格就能使它们全部成立的改法（Fellegi–Holt 错误定位）。
    /// 有几种同样少的改法时，逐一列出，不作猜测。
    ///
    /// ## 为什么重要
    /// 行总计与各分项不符，逐列进行的各项核对也就失去了意义。
    ///
    /// ## 示例
    /// 错误写法：本年新收一行，自然人 5，商业企业 2，其余各列为 0，总计 5。
    ///
    /// 正确写法：总计 7。
    code: "A003",
    name: "applicant-total",
    severity: Error,
    inputs: Tables,
    summary: "三、每行：总计应等于六类申请人之和",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for equality in equalities_of(EqualityKind::ApplicantTotal) {
        let total_id = equality.totals[0];
        let Some(total) = ctx.report.count(total_id) else { continue };
        let Some(sum) = ctx.sum(equality.parts.iter().copied()) else { continue };
        if sum == u128::from(total) {
            continue;
        }
        let message = format!(
            "{}填写 {total}，但自然人与法人或其他组织各列之和为 {sum}，相差 {}，请核对「{}」这一行",
            total_id.label(),
            sum.abs_diff(u128::from(total)),
            total_id.def().row.label,
        );
        out.push(Finding::new(&RULE, message).with_cells(equality.cells()).with_values(total, sum));
    }
}
