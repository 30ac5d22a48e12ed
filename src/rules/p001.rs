use super::{declare_rule, Context, Finding};
use crate::model::labels::{S2_IN_FORCE, S2_ISSUED, S2_REPEALED};
use crate::model::S2Row;

declare_rule! {
    /// ## 检查内容
    /// 第二部分「规章」和「行政规范性文件」两行中，
    /// 「现行有效件数」不应少于「本年制发件数」减「本年废止件数」。
    ///
    /// 检查结果会列出只改一格就能成立的几种改法（现行有效件数至少应为多少，等等）。
    ///
    /// ## 为什么重要
    /// 本年制发且未废止的文件，年末仍然现行有效，因此现行有效件数不可能少于本年净增加的件数。
    /// 数字偏少，通常是填错了列，或者沿用了上年的数字。
    ///
    /// ## 示例
    /// 错误写法：本年制发件数 12，本年废止件数 2，现行有效件数 8。
    ///
    /// 正确写法：现行有效件数为 10 或更多。
    code: "P001",
    name: "documents-in-force",
    severity: Warning,
    inputs: Tables,
    summary: "二、现行有效件数不应少于本年制发件数减本年废止件数",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for row in [S2Row::REGULATION, S2Row::NORMATIVE] {
        let ids = [S2_IN_FORCE, S2_ISSUED, S2_REPEALED].map(|column| row.cell(column));
        let Some([in_force, issued, repealed]) = ctx.counts(ids) else { continue };
        let net = issued.saturating_sub(repealed);
        if in_force >= net {
            continue;
        }
        let message = format!(
            "二、{}：现行有效件数为 {in_force}，少于本年制发 {issued} 减本年废止 {repealed} 的 {net}。\
             本年制发且未废止的文件应计入现行有效，请核对",
            row.axis().label,
        );
        out.push(Finding::new(&RULE, message).with_cells(ids).with_values(in_force, net));
    }
}
