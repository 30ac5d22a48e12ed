use super::{declare_rule, Context, Finding};
use crate::model::{CellId, SourceNote};

declare_rule! {
    /// ## 检查内容
    /// 导入的文件中无法对应到报告中的内容：标签不属于格式规定的表格行；
    /// 不属于任何一张规定表格的表格；同一张表格的第二份；与表头对不齐的数值；
    /// 第二至第四部分（这三部分只有表格）之下的文字。每条问题都会说明该内容在原文件中的位置（部分、
    /// 表格、行、列）以及在该处发现的内容。
    ///
    /// 同一张表格（或同一部分）中的多处问题合为一条，说明共有几处，并列出前三处；
    /// 无论文件多大，这条规则报告的问题不超过 20 条。
    ///
    /// 只有从 Word 文件或文本文件导入的报告才带有这些信息。
    ///
    /// ## 为什么重要
    /// 未能对应的内容不在被检查的报告中：标签无法识别的行，其数字不计入任何合计；
    /// 重复的表格可能与实际采用的那一份数字不同。
    ///
    /// ## 示例
    /// 错误写法：在第三部分表格中增加一行「9.其他原因」；把联系人名单排成表格。
    ///
    /// 正确写法：只使用格式规定的行和列；其他内容以文字形式写在第六部分。
    code: "I001",
    name: "unplaced-content",
    severity: Warning,
    inputs: Prose,
    summary: "导入的文件中有内容无法对应到报告中",
    check: check,
}

/// Notes quoted in the finding of a place; the others are counted.
const QUOTED: usize = 3;
/// At most this many findings; the places after them are summed up in one more.
const PLACES: usize = 20;
/// Text found at a place is quoted up to this many characters.
const QUOTE_CHARS: usize = 40;

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(source) = &ctx.report.source else { return };
    // The notes of one table or one part, in the order they were made.
    let mut places: Vec<(&str, Vec<&SourceNote>)> = Vec::new();
    for note in &source.unplaced {
        let (place, _) = split_place(&note.location);
        match places.iter_mut().find(|(p, _)| *p == place) {
            Some((_, notes)) => notes.push(note),
            None => places.push((place, vec![note])),
        }
    }
    for (place, notes) in places.iter().take(PLACES) {
        out.push(finding(place, notes));
    }
    if places.len() > PLACES {
        let rest = &places[PLACES..];
        let count: usize = rest.iter().map(|(_, notes)| notes.len()).sum();
        let message = format!(
            "导入时另有 {} 处、共 {count} 项内容无法放入报告（从「{}」起）：请对照原文件核对",
            rest.len(),
            rest[0].0,
        );
        out.push(Finding::new(&RULE, message));
    }
}

fn finding(place: &str, notes: &[&SourceNote]) -> Finding {
    let cells = notes.iter().filter_map(|n| n.cell.as_deref().and_then(CellId::parse)).take(QUOTED);
    if let [note] = notes {
        let message = format!("导入时无法放入报告：{}{}。{}", note.location, quoted(&note.found), note.expected);
        return Finding::new(&RULE, message).with_cells(cells);
    }
    let listed: Vec<String> = notes
        .iter()
        .take(QUOTED)
        .map(|note| {
            let (_, within) = split_place(&note.location);
            format!("{within}{}（{}）", quoted(&note.found), note.expected)
        })
        .collect();
    let more = if notes.len() > QUOTED { format!("；等（只列出前 {QUOTED} 项）") } else { String::new() };
    let message = format!("导入时{place}有 {} 项内容无法放入报告：{}{more}", notes.len(), listed.join("；"));
    Finding::new(&RULE, message).with_cells(cells)
}

/// 「「三、…」下的表格（文件中第3个表格）第5行」 → the table, and 「第5行」 within it. A location
/// without a row is a place of its own.
fn split_place(location: &str) -> (&str, &str) {
    let row = location.rmatch_indices('第').map(|(at, _)| at).find(|&at| {
        let rest = location[at + '第'.len_utf8()..].trim_start();
        let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        digits > 0 && rest[digits..].trim_start().starts_with('行')
    });
    match row {
        Some(at) if at > 0 => (location[..at].trim_end(), &location[at..]),
        _ => (location, ""),
    }
}

fn quoted(found: &str) -> String {
    if found.is_empty() {
        return String::new();
    }
    let mut quote: String = found.chars().take(QUOTE_CHARS).collect();
    if found.chars().nth(QUOTE_CHARS).is_some() {
        quote.push('…');
    }
    format!("「{quote}」")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Report, SourceInfo};
    use crate::rules::check;

    fn note(location: &str, found: &str) -> SourceNote {
        SourceNote { location: location.into(), found: found.into(), expected: "无法识别这一行的行标签，未导入".into(), cell: None }
    }

    fn i001(unplaced: Vec<SourceNote>) -> Vec<String> {
        let mut report = Report::empty();
        report.source = Some(SourceInfo { unplaced, ..Default::default() });
        check(&report).into_iter().filter(|f| f.code == "I001").map(|f| f.message).collect()
    }

    #[test]
    fn locations_split_into_the_table_and_the_row() {
        let table = "「三、收到和处理政府信息公开申请情况」下的表格（文件中第3个表格）";
        assert_eq!(split_place(&format!("{table}第5行")), (table, "第5行"));
        assert_eq!(split_place(&format!("{table}第12行「合计」列")), (table, "第12行「合计」列"));
        assert_eq!(split_place("三、收到和处理政府信息公开申请情况 表格 第 9 行"), ("三、收到和处理政府信息公开申请情况 表格", "第 9 行"));
        assert_eq!(split_place("「二、主动公开政府信息情况」下的正文"), ("「二、主动公开政府信息情况」下的正文", ""));
        assert_eq!(split_place("第4个表格"), ("第4个表格", ""));
    }

    #[test]
    fn notes_of_one_table_make_one_finding_with_a_count() {
        let table = "「三、收到和处理政府信息公开申请情况」下的表格（文件中第3个表格）";
        let notes: Vec<SourceNote> = (1..=5).map(|r| note(&format!("{table}第{r}行"), &format!("第{r}行的文字"))).collect();
        let messages = i001(notes);
        assert_eq!(messages.len(), 1, "{messages:#?}");
        let reason = "（无法识别这一行的行标签，未导入）";
        let expected = format!(
            "导入时{table}有 5 项内容无法放入报告：第1行「第1行的文字」{reason}；第2行「第2行的文字」{reason}；第3行「第3行的文字」{reason}；等（只列出前 3 项）"
        );
        assert_eq!(messages[0], expected);
    }

    #[test]
    fn a_hostile_document_gets_a_bounded_number_of_findings() {
        let notes: Vec<SourceNote> =
            (1..=10_000).map(|t| note(&format!("第{t}个表格第1行"), &"很长的一行".repeat(100))).collect();
        let messages = i001(notes);
        assert_eq!(messages.len(), PLACES + 1);
        assert!(messages.iter().all(|m| m.chars().count() < 200), "{}", messages[0]);
        assert_eq!(messages[PLACES], "导入时另有 9980 处、共 9980 项内容无法放入报告（从「第21个表格」起）：请对照原文件核对");
    }
}
