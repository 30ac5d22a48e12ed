use super::text::Limit;
use super::fix::{Applicability, Fix};
use super::text::{char_before, clause_around, prose, Terms};
use super::{declare_rule, Context, Finding};

declare_rule! {
    /// ## 检查内容
    /// 2019 年条例修订前的报告所用的提法，现行格式已不再使用：信息不存在、非本机关政府信息、
    /// 同意公开、收费及减免。「第三方不同意公开」是现行条例本身的用语（第三十二条），不报告。
    ///
    /// 修正：「同意公开」可直接改为「予以公开」（需复核）；其他旧提法需要改写所在的句子。
    ///
    /// ## 为什么重要
    /// 旧提法说明文字沿用了以前的报告；现行表格统计的是「1.本机关不掌握相关政府信息」
    /// 「（一）予以公开」和信息处理费，正文应与之一致。
    ///
    /// ## 示例
    /// 错误写法：「因信息不存在答复2件」。
    ///
    /// 正确写法：「因本机关不掌握相关政府信息答复2件」。
    code: "T011",
    name: "outdated-terms",
    severity: Info,
    inputs: Prose,
    summary: "使用了2019年条例修订前的旧提法",
    check: check,
}

/// Old term and the current wording.
const OLD_TERMS: &[(&str, &str)] = &[
    ("信息不存在", "本机关不掌握相关政府信息"),
    ("非本机关政府信息", "本机关不掌握相关政府信息"),
    ("不属于本机关公开范围", "本机关不掌握相关政府信息"),
    ("同意公开", "予以公开"),
    ("收费及减免", "信息处理费（《政府信息公开信息处理费管理办法》）"),
];

static TERMS: Terms = Terms::new(|| OLD_TERMS.iter().map(|(old, _)| *old).collect());

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if ctx.report.year.is_some_and(|y| y < 2019) {
        return;
    }
    for (field, text) in prose(ctx.report) {
        let limit = Limit::new(out);
        for hit in TERMS.find_iter(text) {
            if limit.reached(out) {
                break;
            }
            let (old, current) = OLD_TERMS[hit.term];
            if old == "同意公开" {
                // 「第三方不同意公开」, 「经权利人同意公开」: the current regulation's wording.
                let (s, e) = clause_around(text, hit.start, hit.end);
                let clause = &text[s..e];
                if char_before(text, hit.start) == Some('不') || ["第三方", "权利人", "当事人"].iter().any(|w| clause.contains(w)) {
                    continue;
                }
            }
            let message = format!(
                "{}使用了旧提法「{old}」：现行条例和年度报告格式的表述为「{current}」，请改用现行表述",
                field.label()
            );
            let mut finding = Finding::new(&RULE, message).with_text_span(field, text, hit.start, hit.end);
            // Only this term is a drop-in replacement; the others need the sentence rewritten.
            if old == "同意公开" {
                finding = finding.with_fix(Fix::replace(field.path(), text, hit.start, hit.end, current, Applicability::Review));
            }
            out.push(finding);
        }
    }
}
