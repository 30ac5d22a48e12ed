use super::{declare_rule, Context, Finding};
use crate::model::CellId;

declare_rule! {
    /// ## 检查内容
    /// 导入的文件中无法对应到报告中的内容：标签不属于格式规定的表格行；
    /// 不属于任何一张规定表格的表格；同一张表格的第二份；与表头对不齐的数值；
    /// 第二至第四部分（这三部分只有表格）之下的文字。每条问题都会说明该内容在原文件中的位置（部分、
    /// 表格、行、列）以及在该处发现的内容。
    ///
    /// 只有从 Word 文件或文本文件导入的报告才带有这些信息。
    ///
    /// ## 为什么重要
    /// 未能对应的内容不在被检查的报告中：标签无法识别的行，其数字不计入任何合计；
    /// 重复的表格可能与实际采用的那一份数字不同。
    ///
    /// ## 示例
    /// 错误写法：在第三部分表格中增加一行「9.其他原因」；把联系人名单排成表格。
    ///
    /// 正确写法：只使用格式规定的行和列；其他内容以文字形式写在第六部分。
    code: "I001",
    name: "unplaced-content",
    severity: Warning,
    inputs: Prose,
    summary: "导入的文件中有内容无法对应到报告中",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(source) = &ctx.report.source else { return };
    for note in &source.unplaced {
        let found = if note.found.is_empty() { String::new() } else { format!("「{}」", note.found) };
        let message = format!("导入时无法放入报告：{}{}。{}", note.location, found, note.expected);
        let cells = note.cell.as_deref().and_then(CellId::parse);
        out.push(Finding::new(&RULE, message).with_cells(cells));
    }
}
