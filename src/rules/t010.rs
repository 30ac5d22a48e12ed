use super::text::{is_letter, letter_count, Segments};
use super::{declare_rule, Context, Finding};
use crate::model::TextField;

declare_rule! {
    /// ## What it checks
    /// That section 五 says something: it is reported when empty, when it only says 「无」
    /// (or 「暂无」, 「没有」), or when it is a sentence or two — at most two sentences and under
    /// 150 characters, or under 60 characters however cut.
    ///
    /// ## Why it matters
    /// The format asks for the main problems and what was done or will be done about them;
    /// reviews mark 「无」 or a single stock sentence as a failing (内容空泛).
    ///
    /// ## Example
    /// Wrong: 「无。」, 「我镇政务公开工作还存在一些不足，下一步将继续加强。」
    ///
    /// Right: the problems one by one (「一是…二是…」), each with the measure taken or planned.
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
