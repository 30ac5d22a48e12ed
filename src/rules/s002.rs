use super::{declare_rule, sections, Context, Finding};
use crate::model::labels::{SECTION_NUMERALS, SECTION_TITLES};

declare_rule! {
    /// ## What it checks
    /// That each section heading is numbered 「一、」 to 「六、」 in order and worded as the
    /// format words it. Differences of punctuation and spacing alone are not reported.
    ///
    /// ## Why it matters
    /// Reviews score the structure: a heading numbered 「3、」, a section out of order or a
    /// heading with a typo (「政府信息公开行政法复议」, 「其他需要汇报事项」) is marked as a
    /// format defect.
    ///
    /// ## Example
    /// Wrong: 「3、 收到和处理政府信息公开申请情况」, 「1、 总体情况」.
    ///
    /// Right: 「三、收到和处理政府信息公开申请情况」, 「一、总体情况」.
    code: "S002",
    name: "heading-format",
    severity: Warning,
    summary: "部分标题的序号、顺序或文字与格式不一致",
    check: check,
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(headings) = &ctx.report.headings else { return };
    let mut last_section = None;
    for (index, heading) in headings.iter().enumerate() {
        let Some(found) = sections::identify(heading) else { continue };
        let numeral = SECTION_NUMERALS[found.section];
        let mut problems = Vec::new();
        if found.numbering.is_empty() {
            problems.push(format!("缺少序号，应为「{numeral}、」"));
        } else if !found.official_numbering() {
            problems.push(format!("序号写作「{}」，应为「{numeral}、」", found.numbering));
        }
        if !found.exact_title {
            problems.push(format!("标题文字「{}」与格式规定的「{}」不一致", found.title, SECTION_TITLES[found.section]));
        }
        let wording_wrong = !problems.is_empty();
        if last_section.is_some_and(|last| found.section <= last) {
            problems.push("顺序不对：六个部分应按一至六的顺序排列".to_string());
        }
        last_section = Some(found.section);
        if problems.is_empty() {
            continue;
        }
        let fix = if wording_wrong {
            format!("请改为「{numeral}、{}」", SECTION_TITLES[found.section])
        } else {
            "请调整各部分的顺序".to_string()
        };
        let message = format!("标题「{}」：{}。{fix}", heading.trim(), problems.join("；"));
        out.push(Finding::new(&RULE, message).with_field(format!("headings[{index}]")));
    }
}
