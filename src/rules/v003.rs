use super::fix::{Applicability, Fix};
use super::{declare_rule, Context, Finding};
use crate::model::{Amount, CellId, CellValue, Level};

declare_rule! {
    /// ## 检查内容
    /// 第二部分「行政事业性收费」的金额是否像是以元而不是以万元填写：
    /// 金额远远超出该级机关的收费规模（乡镇人民政府（街道办事处）为 1,000 万元及以上；
    /// 县级人民政府或政府部门为 100,000 万元及以上；其他为 10,000,000 万元及以上）。
    ///
    /// 修正：改为换算成万元的金额，需要复核。
    ///
    /// ## 为什么重要
    /// 该列表头为「本年收费金额（单位：万元）」。以元填写的金额会把收费夸大一万倍。
    ///
    /// ## 示例
    /// 错误写法：某乡镇填写 35000（实际是 35,000 元）。
    ///
    /// 正确写法：3.5。
    code: "V003",
    name: "fee-in-yuan",
    severity: Warning,
    inputs: Tables,
    summary: "行政事业性收费金额疑似以“元”而非“万元”填写",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let id = CellId::known("s2.fee.amount");
    let CellValue::Amount(amount) = ctx.report.cell(id) else { return };
    let limit: u128 = match ctx.report.agency.level {
        Some(Level::Township) => 1_000,
        Some(Level::County | Level::Department) => 100_000,
        _ => 10_000_000,
    };
    if amount.whole_part() < limit {
        return;
    }
    let in_wan = Amount::from_micros(amount.micros() / 10_000);
    let who = ctx.report.agency.level.map_or("本机关", Level::label);
    let message = format!(
        "{}填写 {amount}（即 {in_wan} 亿元），对{who}而言明显偏大。该栏单位为万元：\
         若 {amount} 是以元计的金额，应填写 {in_wan}",
        id.label(),
    );
    let fix = Fix::set_cells(ctx.report, &[(id, in_wan.to_string())], Applicability::Review);
    out.push(Finding::new(&RULE, message).with_cells([id]).with_fix(fix));
}
