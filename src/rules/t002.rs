use super::text::Limit;
use super::fix::{Applicability, Fix};
use super::text::{prose, sentence_around, Terms};
use super::{declare_rule, Context, Finding};

declare_rule! {
    /// ## 检查内容
    /// 条例和报告格式文件的名称应引用正确：
    /// 并没有《政务公开条例》（条例的名称是《中华人民共和国政府信息公开条例》）；
    /// 国务院令第492号已于 2019 年由第711号取代；
    /// 2021 年及以后年度的报告依据国办公开办函〔2021〕30号，
    /// 而不是 2019 年的通知国办公开办函〔2019〕60号。
    /// 同一句话中既提到旧文本又提到现行文本（说明修订情况）的，不报告。
    ///
    /// 修正：替换为正确的名称。条例名称的替换不会改变原意，是安全修正（「全部安全修正」会一并改正）；
    /// 令号和文号可能是有意引用旧文本，需要复核。
    ///
    /// ## 为什么重要
    /// 引用不存在或已被取代的文件，会让人觉得报告是照抄的、不够用心；
    /// 审核时会记为法律依据方面的问题。
    ///
    /// ## 示例
    /// 错误写法：「围绕《政务公开条例》进行解读」「根据《条例》（国务院令第492号）」。
    ///
    /// 正确写法：「围绕《中华人民共和国政府信息公开条例》进行解读」「（国务院令第711号）」。
    code: "T002",
    name: "wrong-legal-citation",
    severity: Warning,
    inputs: Prose,
    summary: "引用的条例名称、令号或格式文件有误",
    check: check,
}

/// The known-wrong citations: what is written, what it should be, and what in the same
/// sentence shows that the writer knows the right one.
struct Citation {
    written: &'static [&'static str],
    right: &'static str,
    why: &'static str,
    /// Only from this report year on (the 2019 notice was right for 2019 and 2020).
    from_year: Option<i32>,
    /// A sentence holding one of these also cites the right text: not reported.
    unless: &'static [&'static str],
    /// Replacing the citation cannot change what the text means (a name that exists for no
    /// other law), so the fix is safe; an order or notice number may be quoted on purpose.
    safe_fix: bool,
}

const CITATIONS: &[Citation] = &[
    Citation {
        written: &["《政务公开条例》", "《中华人民共和国政务公开条例》", "《政府信息公开法》", "《中华人民共和国政府信息公开法》"],
        right: "《中华人民共和国政府信息公开条例》",
        why: "没有这一名称的法规",
        from_year: None,
        unless: &[],
        safe_fix: true,
    },
    Citation {
        written: &["国务院令第492号", "国务院令492号", "第492号国务院令", "国务院第492号令"],
        right: "国务院令第711号",
        why: "第492号令公布的是2007年的条例，2019年修订后的条例为国务院令第711号",
        from_year: None,
        unless: &["711"],
        safe_fix: false,
    },
    Citation {
        written: &[
            "国办公开办函〔2019〕60号",
            "国办公开办函[2019]60号",
            "国办公开办函［2019］60号",
            "国办公开办函（2019）60号",
            "国办公开办函(2019)60号",
            "国办公开办函【2019】60号",
        ],
        right: "国办公开办函〔2021〕30号",
        why: "2019年的格式通知只适用于2019、2020年度报告，2021年度起执行国办公开办函〔2021〕30号",
        from_year: Some(2021),
        unless: &["30号"],
        safe_fix: false,
    },
];

static WRITTEN: Terms = Terms::new(|| CITATIONS.iter().flat_map(|c| c.written.iter().copied()).collect());

fn citation_of(written: &str) -> &'static Citation {
    CITATIONS.iter().find(|c| c.written.contains(&written)).expect("every term belongs to a citation")
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    for (field, text) in prose(ctx.report) {
        // Every wrong citation holds one of these: skip the automaton when none occurs.
        if !["政务公开条例", "信息公开法", "492", "60号"].iter().any(|gate| text.contains(gate)) {
            continue;
        }
        let limit = Limit::new(out);
        for hit in WRITTEN.find_iter(text) {
            if limit.reached(out) {
                break;
            }
            let citation = citation_of(WRITTEN.pattern(hit.term));
            if citation.from_year.is_some_and(|from| ctx.report.year.is_none_or(|y| y < from)) {
                continue;
            }
            let (s, e) = sentence_around(text, hit.start, hit.end);
            if citation.unless.iter().any(|u| text[s..e].contains(u)) {
                continue;
            }
            let message = format!(
                "{}引用了「{}」：{}。请改为「{}」",
                field.label(),
                &text[hit.start..hit.end],
                citation.why,
                citation.right
            );
            let applicability = if citation.safe_fix { Applicability::Safe } else { Applicability::Review };
            let fix = Fix::replace(field.path(), text, hit.start, hit.end, citation.right, applicability);
            out.push(Finding::new(&RULE, message).with_text_span(field, text, hit.start, hit.end).with_fix(fix));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_term_has_its_citation() {
        for i in 0..super::WRITTEN.len() {
            super::citation_of(super::WRITTEN.pattern(i));
        }
    }
}
