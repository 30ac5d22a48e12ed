use super::{declare_rule, Context, Finding};
use crate::model::CellValue;

declare_rule! {
    /// ## 检查内容
    /// 每个单元格都应填写。空单元格以及「/」「—」「-」「无」等占位符都视为未填写：
    /// 格式要求数量为零的填写 0。
    ///
    /// 整张表格完全没有填写的，由 S001 报告一次，不再逐个单元格报告。
    ///
    /// 修正：「总计」未填写而各分项都已填写、填入各项之和后其他合计关系也成立的，可填入各项之和（需复核）。
    ///
    /// ## 为什么重要
    /// 读者无法分辨空单元格是“没有”还是“漏填”，用到它的合计也无法确定。审核中，
    /// 「规章」一行填「/」、「总计」单元格空白、「行政强制」空白，都属于最常见的问题。
    ///
    /// ## 示例
    /// 错误写法：「规章」一行「本年制发件数」填「/」。
    ///
    /// 正确写法：「规章」一行「本年制发件数」填「0」。
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
