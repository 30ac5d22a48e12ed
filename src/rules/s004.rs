use super::{declare_rule, Context, Finding};

declare_rule! {
    /// ## What it checks
    /// That the row and column labels of the tables are written as the format writes them. A
    /// label that was edited but is still recognisable (a year added, a word dropped or added)
    /// is imported under the official label and reported here.
    ///
    /// ## Why it matters
    /// The labels are part of the prescribed format: an edited label makes the table look
    /// different from every other report, and can change its meaning (「本年(2023)制发件数」 in
    /// a 2024 report).
    ///
    /// ## Example
    /// Wrong: 「本年(2023)制发件数」, 「本年收费金额」.
    ///
    /// Right: 「本年制发件数」, 「本年收费金额（单位：万元）」.
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
