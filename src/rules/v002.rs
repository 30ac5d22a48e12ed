use super::{declare_rule, Context, Finding};
use crate::model::CellValue;

declare_rule! {
    /// ## What it checks
    /// That every cell is filled in. Empty cells and placeholders such as 「/」, 「—」, 「-」
    /// and 「无」 are not filled: the format wants 0 written as 0.
    ///
    /// A table left entirely empty is reported once by S001 instead of cell by cell.
    ///
    /// ## Why it matters
    /// A reader cannot tell an empty cell from a forgotten one, and sums over it are unknown.
    /// Reviews list 「/」 in the 规章 row, blank 总计 cells and a blank 行政强制 among the
    /// most frequent defects.
    ///
    /// ## Example
    /// Wrong: 规章 本年制发件数 「/」.
    ///
    /// Right: 规章 本年制发件数 「0」.
    code: "V002",
    name: "cell-not-filled",
    severity: Error,
    inputs: Tables,
    summary: "单元格未填写（“/”“—”“无”不等于 0，没有的请填 0）",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let mut empty_tables = None;
    for (id, value) in ctx.report.cells() {
        if value.is_filled() {
            continue;
        }
        if empty_tables.get_or_insert_with(|| super::s001::empty_tables(ctx.report))[id.def().section as usize] {
            continue;
        }
        let message = match value {
            CellValue::Missing => format!("{}未填写。没有的事项请填 0", id.label()),
            CellValue::Blank(raw) => {
                format!("{}填写了「{raw}」，视为未填写。没有的事项请填 0，不要用「{raw}」代替", id.label())
            }
            _ => continue,
        };
        out.push(Finding::new(&RULE, message).with_cells([id]));
    }
}
