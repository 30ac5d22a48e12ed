use super::{declare_rule, Context, Finding};
use crate::model::{CellKind, CellValue};

declare_rule! {
    /// ## What it checks
    /// That every filled cell holds a non-negative whole number; the fee of section 二 a
    /// non-negative amount in 万元 with at most six decimals (one fen is 0.000001 万元).
    ///
    /// Full-width digits (１２), thousands separators (1,234) and a trailing 件 are accepted
    /// and normalised; anything else is reported, never read as 0.
    ///
    /// ## Why it matters
    /// A letter, a negative number or a fraction in a count cannot be published, and every
    /// sum that uses the cell is unknown until it is fixed.
    ///
    /// ## Example
    /// Wrong: 「三」, 「12.5」, 「-1」, 「约10」.
    ///
    /// Right: 「3」, 「12」, 「0」.
    code: "V001",
    name: "invalid-number",
    severity: Error,
    inputs: Tables,
    summary: "单元格应填写非负整数（收费金额：最多六位小数的万元数）",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (id, value) in ctx.report.cells() {
        let CellValue::Invalid(raw) = value else { continue };
        let message = match id.kind() {
            CellKind::Count => {
                format!("{}填写了「{raw}」，不是非负整数。请填写阿拉伯数字，例如 0、12；没有的请填 0", id.label())
            }
            CellKind::Amount => format!(
                "{}填写了「{raw}」，不是有效的金额。请以万元为单位填写非负数，最多六位小数，例如 0 或 1.25",
                id.label()
            ),
        };
        out.push(Finding::new(&RULE, message).with_cells([id]));
    }
}
