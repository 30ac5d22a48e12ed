use super::{declare_rule, Context, Finding};
use crate::model::labels::{S2_IN_FORCE, S2_ISSUED, S2_REPEALED};
use crate::model::{CellId, Level, S2Row};

declare_rule! {
    /// ## 检查内容
    /// 没有规章制定权的机关不应填报规章。
    /// 规章只能由国务院部门（部门规章）以及省级人民政府和设区的市人民政府（地方政府规章）制定。
    /// 乡镇人民政府（街道办事处）、县级人民政府以及地方人民政府的各部门都不能制定规章。
    ///
    /// 机关级别按 `agency.level` 判断；未填写机关级别的，不报告。
    ///
    /// ## 为什么重要
    /// 把行政规范性文件或内部制度当作规章填报是常见错误，
    /// 这样的报告「规章」和「行政规范性文件」两行都是错的。
    ///
    /// ## 示例
    /// 错误写法：某镇在「规章」一行填写「现行有效件数」6。
    ///
    /// 正确写法：「规章」一行全部填 0，这 6 件计入「行政规范性文件」。
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
    let ids = [S2_ISSUED, S2_REPEALED, S2_IN_FORCE].map(|column| S2Row::REGULATION.cell(column));
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
