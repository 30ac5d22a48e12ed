use super::{declare_rule, Context, Finding};
use crate::model::{equalities_of, EqualityKind};

declare_rule! {
    /// ## 检查内容
    /// 第三部分表格本身印明的勾稽关系，逐列（每类申请人）检查：
    /// 「一、本年新收政府信息公开申请数量」+「二、上年结转政府信息公开申请数量」=「（七）总计」+
    /// 「四、结转下年度继续办理」（「第一项加第二项之和，等于第三项加第四项之和」）。
    ///
    /// 只填错了一个数时，检查结果会指出最可能填错的单元格和应填的数：同时看第三、四部分表格的
    /// 全部合计关系，找出只需改动最少单元格就能使它们全部成立的改法（Fellegi–Holt 错误定位）。
    /// 有几种同样少的改法时，逐一列出，不作猜测。
    ///
    /// ## 为什么重要
    /// 本年新收和上年结转的每一件申请，要么在本年度办理完毕，要么结转下年度继续办理；两边不相等，
    /// 说明有申请漏计或重复计算。审核时首先核对这一关系。
    ///
    /// ## 示例
    /// 错误写法：「商业企业」一列，本年新收 3，上年结转 1，办理结果总计 2，结转下年度 1（4 ≠ 3）。
    ///
    /// 正确写法：本年新收 3，上年结转 1，办理结果总计 3，结转下年度 1。
    code: "A001",
    name: "requests-balance",
    severity: Error,
    inputs: Tables,
    summary: "三、每列：第一项加第二项之和应等于第三项加第四项之和",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for equality in equalities_of(EqualityKind::RequestsBalance) {
        let (&[total_id, carried_out_id], &[new_id, carried_in_id]) = (&equality.totals[..], &equality.parts[..]) else {
            unreachable!("A001 adds two cells on each side")
        };
        let Some([total, carried_out, new, carried_in]) = ctx.counts([total_id, carried_out_id, new_id, carried_in_id])
        else {
            continue;
        };
        let received = u128::from(new) + u128::from(carried_in);
        let handled = u128::from(total) + u128::from(carried_out);
        if received == handled {
            continue;
        }
        let message = format!(
            "三、{}列：第一项加第二项之和为 {received}（本年新收 {new} + 上年结转 {carried_in}），\
             第三项加第四项之和为 {handled}（办理结果总计 {total} + 结转下年度继续办理 {carried_out}），\
             相差 {}。两者应相等，请核对这四个数",
            total_id.def().column.label,
            received.abs_diff(handled),
        );
        out.push(Finding::new(&RULE, message).with_cells(equality.cells()).with_values(handled, received));
    }
}
