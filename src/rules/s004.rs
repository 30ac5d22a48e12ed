use super::{declare_rule, Context, Finding};

declare_rule! {
    /// ## 检查内容
    /// 表格的行、列标签应与格式规定的文字一致。标签经过改动但仍可识别（加了年份、
    /// 少了或多了字词）的，按规定的标签导入，并由本规则报告。
    ///
    /// ## 为什么重要
    /// 标签是规定格式的一部分：改动后的标签使表格与其他报告不一致，
    /// 还可能改变含义（例如 2024 年度报告中写「本年(2023)制发件数」）。
    ///
    /// ## 示例
    /// 错误写法：「本年(2023)制发件数」「本年收费金额」。
    ///
    /// 正确写法：「本年制发件数」「本年收费金额（单位：万元）」。
    code: "S004",
    name: "edited-table-label",
    severity: Warning,
    inputs: Prose,
    summary: "表格的行、列标签与格式规定的文字不一致",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(source) = &ctx.report.source else { return };
    for note in &source.edited_labels {
        let message = format!(
            "{}的标签写作「{}」，与格式规定的「{}」不一致（已按「{}」导入）。请改为格式规定的文字",
            note.location, note.found, note.expected, note.expected
        );
        out.push(Finding::new(&RULE, message));
    }
}
