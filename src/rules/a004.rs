use super::{declare_rule, Context, Finding};
use crate::model::{equalities_of, EqualityKind};

declare_rule! {
    /// ## 检查内容
    /// 第四部分表格每一组（「行政复议」；「行政诉讼」下的「未经复议直接起诉」；
    /// 「行政诉讼」下的「复议后起诉」）中，「总计」=「结果维持」+「结果纠正」+「其他结果」+
    /// 「尚未审结」。
    ///
    /// 只填错了一个数时，检查结果会指出最可能填错的单元格和应填的数：同时看第三、四部分表格的
    /// 全部合计关系，找出只需改动最少单元格就能使它们全部成立的改法（Fellegi–Holt 错误定位）。
    /// 有几种同样少的改法时，逐一列出，不作猜测。
    ///
    /// ## 为什么重要
    /// 每一件案件在年末只处于一种状态；总计不相等，说明有案件漏计或重复计算。
    ///
    /// ## 示例
    /// 错误写法：行政复议 结果维持 2，结果纠正 1，其他结果 0，尚未审结 1，总计 3。
    ///
    /// 正确写法：总计 4。
    code: "A004",
    name: "review-litigation-total",
    severity: Error,
    inputs: Tables,
    summary: "四、每组：总计应等于结果维持、结果纠正、其他结果、尚未审结之和",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for equality in equalities_of(EqualityKind::CaseTotal) {
        let total_id = equality.totals[0];
        let Some(total) = ctx.report.count(total_id) else { continue };
        let Some(sum) = ctx.sum(equality.parts.iter().copied()) else { continue };
        if sum == u128::from(total) {
            continue;
        }
        let message = format!(
            "{}填写 {total}，但结果维持、结果纠正、其他结果、尚未审结之和为 {sum}，相差 {}，请核对",
            total_id.label(),
            sum.abs_diff(u128::from(total)),
        );
        out.push(Finding::new(&RULE, message).with_cells(equality.cells()).with_values(total, sum));
    }
}
