use super::text::{char_before, clause_around, prose, Terms};
use super::{declare_rule, Context, Finding};

declare_rule! {
    /// ## What it checks
    /// Terms of the reports before the 2019 revision of the regulation, which the current
    /// format no longer uses: 信息不存在, 非本机关政府信息, 同意公开, 收费及减免. 「第三方不同意公开」
    /// is the current regulation's own wording (art. 32) and is not reported.
    ///
    /// ## Why it matters
    /// The old terms show text carried over from an old report; the current tables count
    /// 「本机关不掌握相关政府信息」, 「予以公开」 and the 信息处理费, and the text should match them.
    ///
    /// ## Example
    /// Wrong: 「因信息不存在答复2件」.
    ///
    /// Right: 「因本机关不掌握相关政府信息答复2件」.
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
        for hit in TERMS.find_iter(text) {
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
            out.push(Finding::new(&RULE, message).with_text_span(field, text, hit.start, hit.end));
        }
    }
}
