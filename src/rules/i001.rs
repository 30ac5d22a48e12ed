use super::{declare_rule, Context, Finding};
use crate::model::CellId;

declare_rule! {
    /// ## What it checks
    /// Content of an imported document that could not be placed in the report: a table row
    /// whose label is not one of the format's, a table that is none of the official tables, a
    /// second copy of a table, values that do not line up with the header, or prose under
    /// sections 二 to 四 (which hold only tables). Each finding says where the content is in
    /// the source (section, table, row, column) and what was found there.
    ///
    /// Only reports that were imported from a Word or text file carry this information.
    ///
    /// ## Why it matters
    /// Whatever was not placed is missing from the checked report: the numbers of a row with
    /// an unknown label are not counted in any sum, and a duplicate table may hold different
    /// figures from the one that was used.
    ///
    /// ## Example
    /// Wrong: a row 「9.其他原因」 added to table 三; a list of contacts laid out as a table.
    ///
    /// Right: only the rows and columns of the format; other content as prose in 六.
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
