use super::text::{is_letter, letter_count, Segments};
use super::{declare_rule, Context, Finding};
use crate::model::TextField;

declare_rule! {
    /// ## 检查内容
    /// 第五部分应当有实际内容。以下情况予以报告：内容为空；只写「无」（或「暂无」「没有」）；
    /// 只有一两句话——最多两句且不足 150 个字，或者无论怎样断句都不足 60 个字。
    ///
    /// ## 为什么重要
    /// 格式要求说明存在的主要问题以及已经或将要采取的改进措施；审核时，
    /// 只写「无」或一句套话会被记为问题（内容空泛）。
    ///
    /// ## 示例
    /// 错误写法：「无。」「我镇政务公开工作还存在一些不足，下一步将继续加强。」
    ///
    /// 正确写法：逐条列出问题（「一是…二是…」），每条写明已采取或计划采取的措施。
    code: "T010",
    name: "problems-too-thin",
    severity: Warning,
    inputs: Prose,
    summary: "五、存在的主要问题及改进情况为空或过于简单",
    check: check,
}

const NIL: &[&str] = &["无", "暂无", "没有", "无问题", "本年度无"];

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if ctx.report.is_blank() {
        return;
    }
    let text = &ctx.report.text.problems;
    let letters = letter_count(text);
    let bare: String = if letters <= 4 { text.chars().filter(|&c| is_letter(c)).collect() } else { String::new() };
    let sentences = if letters < 150 { Segments::sentences(text).non_empty(text).count() } else { usize::MAX };
    let message = if letters == 0 {
        "五、存在的主要问题及改进情况没有内容".to_string()
    } else if NIL.contains(&bare.as_str()) {
        format!("五、存在的主要问题及改进情况只写了「{}」", text.trim())
    } else if letters < 60 || (sentences <= 2 && letters < 150) {
        format!("五、存在的主要问题及改进情况只有{sentences}句、{letters}个字")
    } else {
        return;
    };
    let message = format!("{message}：请逐条写明本年度工作中存在的主要问题，以及已经采取和下一步的改进措施");
    out.push(Finding::new(&RULE, message).with_field(TextField::Problems.path()));
}
