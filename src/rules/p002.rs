use super::{declare_rule, Context, Finding};
use crate::model::{CellId, Level};

declare_rule! {
    /// ## What it checks
    /// That an agency without the power to make 规章 reports none. 规章 are made only by the
    /// departments of the State Council (部门规章) and by the governments of provinces and of
    /// cities with districts (地方政府规章). A township or street, a county-level government,
    /// and any department of a local government cannot make them.
    ///
    /// ## Why it matters
    /// Counting 行政规范性文件 or internal rules as 规章 is a frequent mistake; such a report
    /// is wrong in both rows.
    ///
    /// ## Example
    /// Wrong: a township reports 规章 现行有效件数 6.
    ///
    /// Right: 规章 all 0, the six documents under 行政规范性文件.
    code: "P002",
    name: "no-power-for-regulations",
    severity: Warning,
    inputs: Tables,
    summary: "无规章制定权的机关填报了规章",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(level) = ctx.report.agency.level else { return };
    if matches!(level, Level::StateCouncilDept | Level::Province | Level::City) {
        return;
    }
    // 规章: the first row of section 二, columns 本年制发件数, 本年废止件数, 现行有效件数.
    let ids = [0, 1, 2].map(|col| CellId::s2(0, col));
    if !ids.iter().any(|&id| ctx.report.count(id).is_some_and(|n| n > 0)) {
        return;
    }
    let filled: Vec<(CellId, u64)> =
        ids.iter().filter_map(|&id| ctx.report.count(id).filter(|&n| n > 0).map(|n| (id, n))).collect();
    let numbers: Vec<String> = filled.iter().map(|(id, n)| format!("{} {n}", id.def().column.label)).collect();
    let message = format!(
        "本机关为{}，没有规章制定权，但二、规章一行填写了{}。规章仅由国务院部门和省、设区的市人民政府制定；\
         本机关制发的文件应计入「行政规范性文件」，规章一行填 0",
        level.label(),
        numbers.join("、"),
    );
    out.push(Finding::new(&RULE, message).with_cells(filled.into_iter().map(|(id, _)| id)));
}
