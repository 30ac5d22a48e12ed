//! From paragraphs and tables to a report: title, preamble, headings, prose and cells.

use super::agency;
use super::document::{trim_paragraph, Block};
use super::tables::TableMapper;
use super::TableSummary;
use crate::model::{Report, SourceInfo, SourceNote};
use crate::rules::sections;

/// A heading is a short line: longer ones are prose that happens to mention a section.
const MAX_HEADING_CHARS: usize = 40;

/// The report, with what the table mapper found.
pub struct Assembled {
    pub report: Report,
    pub tables: Vec<TableSummary>,
    /// Which cells a table of the document had (filled or not).
    pub found: Vec<bool>,
    /// 「（六）其他处理」 was one row of zeros, taken as 0 for its three rows of 2021.
    pub other_forced: bool,
}

/// Whether a line reads as one of the six section headings.
pub fn is_heading_line(line: &str) -> bool {
    heading_section(line).is_some()
}

/// The number a heading's numbering names: 「（三）」 → 3, 「(4)」 → 4.
fn numeral_value(numbering: &str) -> Option<usize> {
    let inner: String = numbering.chars().filter(|c| !"（）() 、.．".contains(*c)).collect();
    let value = ["一", "二", "三", "四", "五", "六", "七", "八", "九"].iter().position(|n| *n == inner).map(|i| i + 1);
    value.or_else(|| inner.parse().ok())
}

/// The section (0 for 一) a line is the heading of.
pub fn heading_section(line: &str) -> Option<usize> {
    let line = trim_paragraph(line);
    if line.chars().count() > MAX_HEADING_CHARS || line.ends_with('。') {
        return None;
    }
    let found = sections::identify(line)?;
    // 「（一）主动公开政府信息情况」 and 「（二）依申请公开政府信息情况」 are sub-headings of 一;
    // 「（二）主动公开政府信息情况」 is the heading of 二, misnumbered (S002).
    let sub_heading = found.numbering.starts_with(['（', '('])
        && (numeral_value(found.numbering) != Some(found.section + 1) || !found.exact_title);
    if sub_heading {
        return None;
    }
    (!found.numbering.is_empty() || found.exact_title).then_some(found.section)
}

pub fn assemble(blocks: Vec<Block>) -> Assembled {
    let mut report = Report::empty();
    let mut headings: Vec<String> = Vec::new();
    let mut section: Option<usize> = None;
    let mut front: Vec<String> = Vec::new();
    let mut prose: [Vec<String>; 6] = Default::default();
    let mut unplaced_prose: Vec<SourceNote> = Vec::new();
    let mut mapper = TableMapper::new();

    for block in blocks {
        match block {
            Block::Paragraph(paragraph) => {
                let line = trim_paragraph(&paragraph.text);
                if line.is_empty() {
                    continue;
                }
                if let Some(s) = heading_section(line).filter(|s| section.is_none_or(|cur| *s > cur)) {
                    headings.push(line.to_string());
                    section = Some(s);
                    continue;
                }
                match section {
                    None => front.push(line.to_string()),
                    Some(s) => prose[s].push(line.to_string()),
                }
            }
            Block::Table(table) => {
                let heading = headings.last().filter(|_| section.is_some()).cloned().unwrap_or_default();
                mapper.table(&table, &heading);
            }
        }
    }

    if let Some(last) = prose.iter_mut().rev().find(|p| !p.is_empty()) {
        drop_signature(last);
    }
    let (title, preamble) = split_title(front);
    report.text.preamble = preamble.join("\n");
    report.text.overview = prose[0].join("\n");
    report.text.problems = prose[4].join("\n");
    report.text.other = prose[5].join("\n");
    for (s, paragraphs) in prose.iter().enumerate().take(4).skip(1) {
        for paragraph in paragraphs {
            unplaced_prose.push(SourceNote {
                location: format!("「{}」下的正文", heading_for(&headings, s)),
                found: paragraph.clone(),
                expected: "报告格式中此部分只有统计表格，文字说明没有对应的位置".to_string(),
                cell: None,
            });
        }
    }
    if !headings.is_empty() {
        report.headings = Some(headings);
    }
    agency::infer(&mut report, title.as_deref());

    let outcome = mapper.finish(&mut report);
    let mut unplaced = outcome.unplaced;
    unplaced.extend(unplaced_prose);
    report.source = Some(SourceInfo {
        tables: outcome.edition,
        edited_labels: outcome.edited_labels,
        unplaced,
        cells: outcome.positions,
    });
    Assembled { report, tables: outcome.tables, found: outcome.found, other_forced: outcome.other_forced }
}

/// Removes the signature that closes a report (the agency's name above the date, often
/// right-aligned with spaces): it is not prose of the last part.
fn drop_signature(paragraphs: &mut Vec<String>) {
    let is_date = |line: &str| {
        let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
        let rest = compact.trim_start_matches(|c: char| c.is_ascii_digit() || "〇○零一二三四五六七八九".contains(c));
        rest.len() < compact.len() && rest.starts_with('年') && rest.ends_with('日') && compact.chars().count() <= 16
    };
    let is_name = |line: &str| line.chars().count() <= 40 && !line.contains(['。', '，', '；', '：', ',', ';', ':']);
    if !paragraphs.last().is_some_and(|l| is_date(l)) || paragraphs.len() < 2 {
        return;
    }
    paragraphs.pop();
    for _ in 0..2 {
        if paragraphs.len() > 1 && paragraphs.last().is_some_and(|l| is_name(l)) {
            paragraphs.pop();
        }
    }
}

fn heading_for(headings: &[String], section: usize) -> String {
    headings
        .iter()
        .find(|h| sections::identify(h).is_some_and(|m| m.section == section))
        .cloned()
        .unwrap_or_default()
}

/// The title is the first short line or two naming the report; the rest is the preamble.
fn split_title(mut front: Vec<String>) -> (Option<String>, Vec<String>) {
    let is_title = |line: &str| line.chars().count() <= 60 && line.contains("年度报告") && !line.ends_with('。');
    if front.first().is_some_and(|l| is_title(l)) {
        let title = front.remove(0);
        return (Some(title), front);
    }
    // 「某某县人民政府」 on one line, 「2024年政府信息公开工作年度报告」 on the next.
    if front.len() >= 2 && front[0].chars().count() <= 30 && !front[0].ends_with('。') && is_title(&front[1]) {
        let title = format!("{}{}", front[0], front[1]);
        front.drain(..2);
        return (Some(title), front);
    }
    (None, front)
}
