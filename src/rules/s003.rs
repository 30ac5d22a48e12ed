use super::{declare_rule, Context, Finding};
use crate::model::TableEdition;

declare_rule! {
    /// ## 检查内容
    /// 2021 年及以后年度的报告应使用国办公开办函〔2021〕30号规定的统计表格，
    /// 而不是 2019 年格式（国办公开办函〔2019〕60号）的表格。导入时按以下标签识别旧表格：
    /// 「本年新制作数量」「上一年项目数量」「第二十条第（九）项」、
    /// 不带“行政”二字的「规范性文件」一行、只有一行的「（六）其他处理」。
    ///
    /// 旧格式的第三、四部分表格仍会导入并检查；
    /// 旧格式第二部分的表格和只有一行的「其他处理」无法对应到新格式的单元格，保持未填写。
    ///
    /// ## 为什么重要
    /// 自 2021 年度报告起，格式规定使用新表格：使用旧表格的报告缺少新增的行和列，
    /// 审核时会被记为格式问题。
    ///
    /// ## 示例
    /// 错误写法：
    /// 2023 年度报告第二部分的表格使用「本年新制作数量 / 本年新公开数量 / 对外公开总数量」。
    ///
    /// 正确写法：「本年制发件数 / 本年废止件数 / 现行有效件数」。
    code: "S003",
    name: "old-table-format",
    severity: Error,
    inputs: Prose,
    summary: "2021 年及以后的报告使用了 2019 年旧版统计表格",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(source) = &ctx.report.source else { return };
    let Some(year) = ctx.report.year else { return };
    if source.tables == TableEdition::Y2019 && year >= 2021 {
        let message = format!(
            "这是 {year} 年度的报告，统计表格却是 2019 年旧版格式（国办公开办函〔2019〕60号）。\
             2021 年度起应使用国办公开办函〔2021〕30号规定的表格：第二部分表格和「（六）其他处理」的三行请按新格式重新填写"
        );
        out.push(Finding::new(&RULE, message));
    }
}
