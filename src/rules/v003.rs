use super::{declare_rule, Context, Finding};
use crate::model::{Amount, CellId, CellValue, Level};

declare_rule! {
    /// ## What it checks
    /// Whether the 行政事业性收费 amount of section 二 looks like it was written in 元 rather
    /// than in 万元: an amount far larger than an agency of that level collects (for a
    /// township or street 1,000 万元 and more; for a county or a department 100,000 万元 and
    /// more; otherwise 10,000,000 万元 and more).
    ///
    /// ## Why it matters
    /// The column is headed 「本年收费金额（单位：万元）」. An amount in 元 overstates the fees
    /// ten thousand times.
    ///
    /// ## Example
    /// Wrong: a township writes 35000 (it meant 35,000 元).
    ///
    /// Right: 3.5.
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
    out.push(Finding::new(&RULE, message).with_cells([id]));
}
