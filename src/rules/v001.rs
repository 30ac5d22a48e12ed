use super::{declare_rule, Context, Finding};
use crate::model::{CellKind, CellValue, InvalidReason, FIRST_REPORT_YEAR};

declare_rule! {
    /// ## 检查内容
    /// 每个已填写的单元格都应为非负整数；第二部分的收费金额应为以万元为单位的非负数，
    /// 最多六位小数（1 分为 0.000001 万元）。
    ///
    /// 全角数字（１２）、千位分隔符（1,234）、末尾的“件”字和全为零的小数（3.0）可以接受，
    /// 并会自动规范；其他写法一律报告，绝不当作 0 处理。超出 18446744073709551615 的数字报告为数字过大。
    ///
    /// 报告年度应为四位数字（「２０２４」「2024年」可以接受），且不早于《中华人民共和国政府信息公开条例》
    /// 施行的 2008 年。
    ///
    /// ## 为什么重要
    /// 件数中出现文字、负数或小数，报告就无法发布；在改正之前，所有用到该单元格的合计都无法确定。
    ///
    /// ## 示例
    /// 错误写法：「三」「12.5」「-1」「约10」。
    ///
    /// 正确写法：「3」「12」「0」。
    code: "V001",
    name: "invalid-number",
    severity: Error,
    inputs: Tables,
    summary: "单元格应填写非负整数（收费金额：最多六位小数的万元数）",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let report = ctx.report;
    if let Some(raw) = &report.invalid_year {
        let message = format!("报告年度填写了「{raw}」，不是四位数字的年份。请填写如 2024");
        out.push(Finding::new(&RULE, message).with_field("year"));
    } else if let Some(year) = report.year.filter(|&y| y < FIRST_REPORT_YEAR) {
        let message = format!(
            "报告年度填写了「{year}」，早于《中华人民共和国政府信息公开条例》施行的 {FIRST_REPORT_YEAR} 年。请核对年份，例如 2024"
        );
        out.push(Finding::new(&RULE, message).with_field("year"));
    }
    for (id, value) in report.cells() {
        let CellValue::Invalid(raw) = value else { continue };
        let message = match id.kind() {
            CellKind::Count if InvalidReason::of(raw, CellKind::Count) == InvalidReason::TooLarge => {
                format!("{}填写了「{raw}」，数字过大。请核对是否多输了数字", id.label())
            }
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
