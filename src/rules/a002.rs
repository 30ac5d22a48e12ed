use super::{declare_rule, Context, Finding};
use crate::model::{equalities_of, EqualityKind, S3Row};

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格每类申请人一列中，「（七）总计」应等于 21 行办理结果之和，
    /// 即从「（一）予以公开」到「（六）其他处理」下的「3.其他」。
    ///
    /// 只填错了一个数时，检查结果会指出最可能填错的单元格和应填的数：同时看第三、四部分表格的
    /// 全部合计关系，找出只需改动最少单元格就能使它们全部成立的改法（Fellegi–Holt 错误定位）。
    /// 有几种同样少的改法时，逐一列出，不作猜测。
    ///
    /// ## 为什么重要
    /// A001 的勾稽关系以这个总计为基础。以下两种错误较为常见，情况相符时提示信息会直接点明：
    /// 「（二）部分公开（区分处理的，只计这一情形，不计其他情形）」被重复计算（各项之和减去部分公开恰好等于总计）；
    /// 没有本年新收、也没有上年结转的申请，却填写了办理结果。
    ///
    /// ## 示例
    /// 错误写法：予以公开 15，部分公开 6，其余各项均为 0，总计填 15（各项办理结果之和为 21）。
    ///
    /// 正确写法：总计填 21。
    code: "A002",
    name: "outcome-total",
    severity: Error,
    inputs: Tables,
    summary: "三、（七）总计应等于各项办理结果之和",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for equality in equalities_of(EqualityKind::OutcomeTotal) {
        let total_id = equality.totals[0];
        let Some(total) = ctx.report.count(total_id) else { continue };
        let Some(sum) = ctx.sum(equality.parts.iter().copied()) else { continue };
        if sum == u128::from(total) {
            continue;
        }
        let mut message = format!(
            "{}填写 {total}，但各办理结果之和为 {sum}，相差 {}，请核对",
            total_id.label(),
            sum.abs_diff(u128::from(total)),
        );
        let (_, column) = total_id.in_s3().expect("A002 sums a column of table 三");
        let partial = ctx.report.count(S3Row::PARTIAL.cell(column)).unwrap_or(0);
        let new = ctx.report.count(S3Row::NEW.cell(column));
        let carried_in = ctx.report.count(S3Row::CARRIED_IN.cell(column));
        if partial > 0 && sum - u128::from(partial) == u128::from(total) {
            message.push_str(&format!(
                "。各项之和减去部分公开 {partial} 正好等于总计：部分公开可能被重复计入了其他情形（区分处理的，只计部分公开）"
            ));
        } else if new == Some(0) && carried_in == Some(0) && sum > 0 {
            message.push_str(&format!(
                "。{}列本年新收和上年结转均为 0，却填写了办理结果：请确认是否误填",
                column.axis().label
            ));
        }
        out.push(Finding::new(&RULE, message).with_cells(equality.cells()).with_values(total, sum));
    }
}
