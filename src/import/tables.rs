//! The one table mapper of both readers: which official table a table is, and which cell each
//! value goes to, by the labels of its rows and columns, never by position alone.
//!
//! Every cell text is classified as empty, a value, a known label (matched to the labels of
//! [`crate::model::labels`], exactly or as an edited label), or unknown text. A row of labels
//! only is a header: its column labels are resolved into leaf columns, multi-row headers
//! through their groups (「法人或其他组织」 → 商业企业 …). A row with a row label is data: the
//! values after the label go to the current header's columns. The header is kept from one
//! table to the next, so a table split across a page (or in two) still maps.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::assemble::heading_section;
use super::TableSummary;
use super::document::{Cell, SourcePos, Table};
use crate::model::cells::S2_ROWS;
use crate::model::labels::{self, Axis};
use crate::model::{CellId, CellKind, CellPositions, CellValue, Report, Section, SourceNote, TableEdition};

/// The table sections, in order, for the per-section state of the mapper.
const SECTIONS: [Section; 3] = [Section::S2, Section::S3, Section::S4];

fn numeral(section: Section) -> &'static str {
    match section {
        Section::S2 => "二",
        Section::S3 => "三",
        Section::S4 => "四",
    }
}

fn slot(section: Section) -> usize {
    section as usize
}

/// Most notes kept of one kind (unplaced content, edited labels): a hostile or foreign
/// document gets the first ones and a count, not thousands of findings.
const MAX_NOTES: usize = 50;

/// The columns of section 二, in the order of [`Role::S2Column`].
const S2_COLUMNS: [Axis; 5] = [labels::S2_ISSUED, labels::S2_REPEALED, labels::S2_IN_FORCE, labels::S2_DECISIONS, labels::S2_AMOUNT];

/// Column groups of tables 三 and 四.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Group {
    Applicants,
    LegalPersons,
    Review,
    Suit,
    SuitDirect,
    SuitAfterReview,
}

/// What a label is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// 「第二十条第（一）项」.
    S2Title,
    /// 「信息内容」, the header of the row-label column.
    S2Stub,
    S2Column(usize),
    S2Row(usize),
    S3Corner,
    S3Column(usize),
    /// 「三、本年度办理结果」, 「（三）不予公开」 …
    S3RowGroup(&'static str),
    S3Row(usize),
    S4Column(usize),
    Group(Group),
    /// A label of the 2019 tables only.
    Old2019,
}

impl Role {
    fn kind(self) -> Option<Section> {
        Some(match self {
            Role::S2Title | Role::S2Stub | Role::S2Column(_) | Role::S2Row(_) => Section::S2,
            Role::S3Corner | Role::S3Column(_) | Role::S3RowGroup(_) | Role::S3Row(_) => Section::S3,
            Role::Group(Group::Applicants | Group::LegalPersons) => Section::S3,
            Role::S4Column(_) | Role::Group(_) => Section::S4,
            Role::Old2019 => return None,
        })
    }

    fn is_row_label(self) -> bool {
        matches!(self, Role::S2Row(_) | Role::S3Row(_) | Role::S3RowGroup(_) | Role::Old2019)
    }
}

/// A leaf column: what a value under it fills, given the row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    S2(usize),
    /// A column whose header is not a label of the format (index into the unknown headers).
    Unknown(usize),
    S3(usize),
    S4(usize, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Leaf(Column),
    Group(Group),
}

/// The children a header group takes from the header row below it.
fn adopt(group: Group, role: Role) -> Option<Slot> {
    match (group, role) {
        (Group::Applicants, Role::S3Column(c)) => Some(Slot::Leaf(Column::S3(c))),
        (Group::Applicants, Role::Group(Group::LegalPersons)) => Some(Slot::Group(Group::LegalPersons)),
        (Group::LegalPersons, Role::S3Column(c)) if (1..=5).contains(&c) => Some(Slot::Leaf(Column::S3(c))),
        (Group::Review, Role::S4Column(c)) => Some(Slot::Leaf(Column::S4(0, c))),
        (Group::Suit, Role::Group(g @ (Group::SuitDirect | Group::SuitAfterReview))) => Some(Slot::Group(g)),
        (Group::SuitDirect, Role::S4Column(c)) => Some(Slot::Leaf(Column::S4(1, c))),
        (Group::SuitAfterReview, Role::S4Column(c)) => Some(Slot::Leaf(Column::S4(2, c))),
        _ => None,
    }
}

// ---- Labels ------------------------------------------------------------------------------

struct Term {
    core: String,
    /// The letters of `core`, for the edited-label match.
    letters: Vec<char>,
    official: &'static str,
    role: Role,
}

struct Vocabulary {
    terms: Vec<Term>,
    exact: HashMap<String, Vec<usize>>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut list: Vec<(&'static str, Role)> = vec![
            (labels::S2_ITEM_1, Role::S2Title),
            (labels::S2_ITEM_5, Role::S2Title),
            (labels::S2_ITEM_6, Role::S2Title),
            (labels::S2_ITEM_8, Role::S2Title),
            (labels::S2_CONTENT_HEADER, Role::S2Stub),
            (labels::S3_CORNER_NOTE, Role::S3Corner),
            (labels::S3_APPLICANTS, Role::Group(Group::Applicants)),
            (labels::S3_LEGAL_PERSONS, Role::Group(Group::LegalPersons)),
            (labels::S4_REVIEW_GROUP, Role::Group(Group::Review)),
            (labels::S4_SUIT_GROUP, Role::Group(Group::Suit)),
            (labels::S4_GROUPS[1].label, Role::Group(Group::SuitDirect)),
            (labels::S4_GROUPS[2].label, Role::Group(Group::SuitAfterReview)),
        ];
        list.extend(S2_COLUMNS.iter().enumerate().map(|(i, c)| (c.label, Role::S2Column(i))));
        list.extend(S2_ROWS.iter().enumerate().map(|(i, (row, _))| (row.label, Role::S2Row(i))));
        list.extend(labels::S3_COLUMNS.iter().enumerate().map(|(i, c)| (c.label, Role::S3Column(i))));
        list.extend(labels::S3_ROWS.iter().enumerate().map(|(i, r)| (r.label, Role::S3Row(i))));
        let mut groups: Vec<&'static str> = labels::S3_ROWS.iter().flat_map(|r| r.groups.iter().copied()).collect();
        groups.dedup();
        list.extend(groups.into_iter().map(|g| (g, Role::S3RowGroup(g))));
        list.extend(labels::S4_COLUMNS.iter().enumerate().map(|(i, c)| (c.label, Role::S4Column(i))));
        list.extend(labels::Y2019_ONLY_LABELS.iter().map(|l| (*l, Role::Old2019)));
        let terms: Vec<Term> = list
            .into_iter()
            .map(|(official, role)| {
                let core = core(official);
                let letters = core.chars().collect();
                Term { core, letters, official, role }
            })
            .collect();
        let mut exact: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, t) in terms.iter().enumerate() {
            exact.entry(t.core.clone()).or_default().push(i);
        }
        Vocabulary { terms, exact }
    })
}

/// The letters of a label without its numbering: 「（三）不予公开」 → 「不予公开」, 「自\n然\n人」 → 「自然人」.
fn core(text: &str) -> String {
    const NUMERALS: &str = "0123456789０１２３４５６７８９一二三四五六七八九十";
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let mut rest = compact.as_str();
    loop {
        if let Some(inner) = rest.strip_prefix(['（', '(']) {
            if let Some(close) = inner.find(['）', ')']) {
                let number = &inner[..close];
                if !number.is_empty() && number.chars().all(|c| NUMERALS.contains(c)) {
                    rest = &inner[close + inner[close..].chars().next().map_or(1, char::len_utf8)..];
                    continue;
                }
            }
        }
        let digits_end: usize = rest.chars().take_while(|c| NUMERALS.contains(*c)).map(char::len_utf8).sum();
        if digits_end > 0 {
            if let Some(sep) = rest[digits_end..].chars().next().filter(|c| "、.．:：".contains(*c)) {
                rest = &rest[digits_end + sep.len_utf8()..];
                continue;
            }
        }
        break;
    }
    rest.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A recognised label: its candidate roles (one label can be several: 「总计」), and whether
/// it was written differently from the official label.
#[derive(Debug, Clone)]
struct Label {
    roles: Vec<Role>,
    official: &'static str,
    edited: bool,
    /// The label as written.
    written: String,
}

fn recognise(text: &str) -> Option<Label> {
    let vocabulary = vocabulary();
    let written = core(text);
    if written.is_empty() {
        return None;
    }
    if let Some(indexes) = vocabulary.exact.get(&written) {
        let terms: Vec<&Term> = indexes.iter().map(|i| &vocabulary.terms[*i]).collect();
        return Some(Label { roles: terms.iter().map(|t| t.role).collect(), official: terms[0].official, edited: false, written: shown(text) });
    }
    let letters: Vec<char> = written.chars().collect();
    if letters.len() > MAX_LABEL_LETTERS {
        return None;
    }
    let present = letter_mask(&letters);
    let mut best: Option<(f64, &Term)> = None;
    for term in &vocabulary.terms {
        if term.letters.len() <= 3 || term.letters.len() > MAX_LABEL_LETTERS {
            continue;
        }
        // A cheap upper bound first: the official letters that occur in the written label at all.
        let bound = term.letters.iter().filter(|c| present & letter_bit(**c) != 0).count().min(letters.len());
        if edited_score(bound, letters.len(), term.letters.len()).is_none() {
            continue;
        }
        let common = common_letters(&letters, &term.letters);
        if let Some(score) = edited_score(common, letters.len(), term.letters.len()) {
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, term));
            }
        }
    }
    best.map(|(_, term)| Label { roles: vec![term.role], official: term.official, edited: true, written: shown(text) })
}

/// Labels longer than this (in letters) are prose, not an edited label.
const MAX_LABEL_LETTERS: usize = 60;

/// Whether a written label with `common` letters in common with an official one (as a
/// subsequence) is that label edited, and how well it matches. Either the official label is
/// almost entirely within it (「本年(2023)制发件数」), or it is almost entirely the official
/// label with letters lost (「本年废止」, the typo 「其他法律行政止公开」).
fn edited_score(common: usize, written: usize, official: usize) -> Option<f64> {
    let (of_official, of_written) = (common as f64 / official as f64, common as f64 / written as f64);
    let contains = of_official >= 0.8 && of_written >= 0.5;
    let truncated = of_written >= 0.95 && of_official >= 0.6 && common >= 4;
    (contains || truncated).then_some(of_official + of_written)
}

fn letter_bit(c: char) -> u64 {
    1 << (c as u32 % 64)
}

fn letter_mask(letters: &[char]) -> u64 {
    letters.iter().fold(0, |mask, c| mask | letter_bit(*c))
}

/// Length of the longest common subsequence, without allocating (both at most 60 letters).
fn common_letters(a: &[char], b: &[char]) -> usize {
    let mut previous = [0u8; MAX_LABEL_LETTERS + 1];
    let mut current = [0u8; MAX_LABEL_LETTERS + 1];
    for &ca in a {
        for (j, &cb) in b.iter().enumerate() {
            current[j + 1] = if ca == cb { previous[j] + 1 } else { previous[j + 1].max(current[j]) };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()] as usize
}

/// Whether a text is a row label of the official tables: `Some(false)` as the format writes
/// it (numbering and spacing aside), `Some(true)` edited, `None` not a row label.
pub fn row_label(text: &str) -> Option<bool> {
    recognise(text).filter(|l| l.roles.iter().any(|r| r.is_row_label())).map(|l| l.edited)
}

/// Whether a text is only ever a row label (「总计」 is a column too).
pub fn only_row_label(text: &str) -> bool {
    recognise(text).is_some_and(|l| l.roles.iter().all(|r| r.is_row_label()))
}

// ---- Cells and rows ----------------------------------------------------------------------

#[derive(Debug, Clone)]
enum Class {
    Empty,
    Value,
    Label(Label),
    Text,
}

fn classify(text: &str) -> Class {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Class::Empty;
    }
    match CellValue::parse(trimmed, CellKind::Amount) {
        CellValue::Invalid(_) => {}
        _ => return Class::Value,
    }
    match recognise(trimmed) {
        Some(label) => Class::Label(label),
        None => Class::Text,
    }
}

/// One line in a message: the cell text without line breaks, shortened.
fn shown(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join("");
    if flat.chars().count() > 40 {
        format!("{}…", flat.chars().take(40).collect::<String>())
    } else {
        flat
    }
}

// ---- The mapper --------------------------------------------------------------------------

/// What the mapper found over all tables of a document.
pub struct Outcome {
    pub edition: TableEdition,
    /// 「（六）其他处理」 was one row of zeros, taken as 0 for its three rows of 2021.
    pub other_forced: bool,
    pub edited_labels: Vec<SourceNote>,
    pub unplaced: Vec<SourceNote>,
    pub tables: Vec<TableSummary>,
    pub found: Vec<bool>,
    /// Where each cell found was read.
    pub positions: CellPositions,
}

pub struct TableMapper {
    /// The raw text found for each cell and where it was read, by [`CellId::index`].
    values: Vec<Option<(String, SourcePos)>>,
    /// Header state per table kind, kept across tables (a table split over pages).
    slots: [Vec<Slot>; 3],
    s2_columns: Option<Vec<Column>>,
    /// Column headers that are not labels of the format, as written.
    unknown_headers: Vec<String>,
    /// The section 二 header in use is a 2019 one: its rows are not mapped.
    s2_old: bool,
    context: Option<Section>,
    edition: TableEdition,
    /// 「（六）其他处理」 was one row of zeros, mapped as 0 onto its three rows of 2021.
    other_forced: bool,
    edited: Vec<SourceNote>,
    unplaced: Vec<SourceNote>,
    tables: Vec<TableSummary>,
}

/// The 2019 wording of 「行政规范性文件」.
const OLD_NORMATIVE: &str = "规范性文件";

/// Where a row stands, for messages.
struct Place<'a> {
    heading: &'a str,
    table: usize,
    row: usize,
    /// The table stands under the heading of 四, which has one table of one row of values.
    under_four: bool,
}

impl Place<'_> {
    fn table(&self) -> String {
        if self.heading.is_empty() {
            format!("第{}个表格", self.table)
        } else {
            format!("「{}」下的表格（文件中第{}个表格）", self.heading, self.table)
        }
    }

    fn row(&self) -> String {
        format!("{}第{}行", self.table(), self.row)
    }
}

impl Default for TableMapper {
    fn default() -> Self {
        Self::new()
    }
}

impl TableMapper {
    pub fn new() -> Self {
        TableMapper {
            values: vec![None; CellId::count()],
            slots: Default::default(),
            s2_columns: None,
            unknown_headers: Vec::new(),
            s2_old: false,
            context: None,
            edition: TableEdition::Y2021,
            other_forced: false,
            edited: Vec::new(),
            unplaced: Vec::new(),
            tables: Vec::new(),
        }
    }

    /// Maps one table of the document, standing under `heading` (empty before any heading).
    pub fn table(&mut self, table: &Table, heading: &str) {
        let number = self.tables.len() + 1;
        let under_four = heading_section(heading) == Some(3);
        let mut stats = TableStats::default();
        let notes_before = self.unplaced.len();
        for (r, row) in table.rows.iter().enumerate() {
            let place = Place { heading, table: number, row: r + 1, under_four };
            self.row(row, &place, &mut stats);
        }
        let has_content = table.rows.iter().flatten().any(|c| !c.text.trim().is_empty());
        if stats.understood == 0 && has_content {
            // Nothing recognisable: one note for the table rather than one per row.
            self.unplaced.truncate(notes_before);
            let sample: Vec<String> = table.rows.iter().flatten().filter(|c| !c.text.trim().is_empty()).take(4).map(|c| shown(&c.text)).collect();
            self.unplaced.push(SourceNote {
                location: Place { heading, table: number, row: 0, under_four }.table(),
                found: sample.join(" | "),
                expected: "不是格式规定的统计表格（二、三、四部分的表格），内容未导入".to_string(),
                cell: None,
            });
        }
        if stats.old_s2_rows > 0 {
            self.unplaced.push(SourceNote {
                location: Place { heading, table: number, row: 0, under_four }.table(),
                found: format!("2019 年版「主动公开政府信息情况」表格的 {} 行（栏目如「本年新制作数量」「上一年项目数量」）", stats.old_s2_rows),
                expected: "2019 年版的栏目与 2021 年版不同，不能对应到现行表格，未导入：请按 2021 年版格式填写第二部分的表格".to_string(),
                cell: None,
            });
        }
        if !stats.duplicates.is_empty() {
            self.unplaced.push(SourceNote {
                location: Place { heading, table: number, row: 0, under_four }.table(),
                found: format!("{} 个单元格（如「{}」）", stats.duplicates.len(), stats.duplicates[0].label()),
                expected: "这些单元格已在前面的表格中出现（表格重复？），此处的值未采用".to_string(),
                cell: Some(stats.duplicates[0].as_str().to_string()),
            });
        }
        let mut recognised: Vec<String> = Vec::new();
        for section in SECTIONS {
            if stats.kinds[slot(section)] {
                recognised.push(numeral(section).to_string());
            }
        }
        self.tables.push(TableSummary { number, under_heading: heading.to_string(), recognised_as: recognised, cells: stats.cells });
    }

    fn row(&mut self, row: &[Cell], place: &Place, stats: &mut TableStats) {
        let classes: Vec<Class> = row.iter().map(|c| classify(&c.text)).collect();
        if classes.iter().all(|c| matches!(c, Class::Empty)) {
            return;
        }
        let kind = self.row_kind(&classes);
        if let Some(kind) = kind {
            if is_header(&classes) {
                self.header(row, &classes, kind, place);
                self.context = Some(kind);
                stats.kinds[slot(kind)] = true;
                stats.understood += 1;
                return;
            }
        }
        self.data_row(row, &classes, kind, place, stats);
    }

    /// The table kind a row's labels point to; the current one if they do not tell.
    fn row_kind(&self, classes: &[Class]) -> Option<Section> {
        let mut votes = [0usize; 3];
        for class in classes {
            let Class::Label(label) = class else { continue };
            let mut sections = label.roles.iter().filter_map(|r| r.kind());
            if let Some(first) = sections.next() {
                if sections.all(|k| k == first) {
                    votes[slot(first)] += 1;
                }
            }
        }
        SECTIONS.into_iter().zip(votes).filter(|(_, v)| *v > 0).max_by_key(|(_, v)| *v).map(|(s, _)| s).or(self.context)
    }

    fn header(&mut self, row: &[Cell], classes: &[Class], kind: Section, place: &Place) {
        let labels: Vec<&Label> = classes
            .iter()
            .filter_map(|c| match c {
                Class::Label(l) => Some(l),
                _ => None,
            })
            .collect();
        for label in &labels {
            self.note_edited(label, place);
        }
        if labels.iter().any(|l| l.roles.contains(&Role::Old2019)) {
            self.edition = TableEdition::Y2019;
            if kind == Section::S2 {
                self.s2_old = true;
                self.s2_columns = None;
                return;
            }
        }
        let roles: Vec<Role> = labels.iter().filter_map(|l| l.roles.iter().copied().find(|r| r.kind() == Some(kind))).collect();
        match kind {
            Section::S2 => {
                let mut columns: Vec<Column> = Vec::new();
                for (class, text) in classes.iter().zip(row) {
                    match class {
                        Class::Label(l) => {
                            if let Some(Role::S2Column(c)) = l.roles.iter().find(|r| matches!(r, Role::S2Column(_))) {
                                columns.push(Column::S2(*c));
                            }
                        }
                        Class::Text => {
                            self.unknown_headers.push(shown(&text.text));
                            columns.push(Column::Unknown(self.unknown_headers.len() - 1));
                        }
                        _ => {}
                    }
                }
                self.s2_old = false;
                self.s2_columns = (!columns.is_empty()).then_some(columns);
            }
            Section::S3 | Section::S4 => {
                let roles: Vec<Role> = roles.into_iter().filter(|r| !matches!(r, Role::S3Corner)).collect();
                let slots = &mut self.slots[slot(kind)];
                let open_groups: Vec<Group> = slots
                    .iter()
                    .filter_map(|s| match s {
                        Slot::Group(g) => Some(*g),
                        _ => None,
                    })
                    .collect();
                let continues = !roles.is_empty() && roles.iter().all(|r| open_groups.iter().any(|g| adopt(*g, *r).is_some()));
                *slots = if continues { expand(slots, &roles) } else { top_level(&roles) };
            }
        }
    }

    fn data_row(&mut self, row: &[Cell], classes: &[Class], kind: Option<Section>, place: &Place, stats: &mut TableStats) {
        let label_at = classes.iter().rposition(|c| match c {
            Class::Label(l) => l.roles.iter().any(|r| r.is_row_label() && (kind.is_none() || r.kind().is_none() || r.kind() == kind)),
            _ => false,
        });
        let Some(label_at) = label_at else {
            let values = classes.iter().filter(|c| matches!(c, Class::Value)).count();
            let texts = classes.iter().filter(|c| matches!(c, Class::Text)).count();
            let table_four = (kind == Some(Section::S4) && self.context == Some(Section::S4)) || place.under_four;
            if table_four && values > texts {
                let values: Vec<&Cell> = row.iter().collect();
                self.place_values(None, &values, Section::S4, place, stats);
                return;
            }
            self.unplaced.push(SourceNote {
                location: place.row(),
                found: row_text(row),
                expected: "无法识别这一行的行标签，未导入".to_string(),
                cell: None,
            });
            return;
        };
        let Class::Label(label) = &classes[label_at] else { return };
        let Some(role) = label.roles.iter().copied().find(|r| r.is_row_label() && (kind.is_none() || r.kind().is_none() || r.kind() == kind)) else {
            return;
        };
        self.note_edited(label, place);
        if role == Role::Old2019 && label.official == OLD_NORMATIVE && !self.s2_old && self.context == Some(Section::S2) {
            // 「规范性文件」 under the 2021 columns: the older wording of 行政规范性文件 (S004).
            let normative = S2_ROWS.iter().position(|(row, _)| *row == labels::S2_NORMATIVE).expect("a row of 二");
            self.edited.push(SourceNote {
                location: place.row(),
                found: label.written.clone(),
                expected: labels::S2_NORMATIVE.label.to_string(),
                cell: None,
            });
            let values: Vec<&Cell> = row[label_at + 1..].iter().collect();
            self.place_values(Some(Role::S2Row(normative)), &values, Section::S2, place, stats);
            return;
        }
        if role == Role::Old2019 {
            self.edition = TableEdition::Y2019;
            stats.old_s2_rows += 1;
            stats.understood += 1;
            return;
        }
        let values: Vec<&Cell> = row[label_at + 1..].iter().collect();
        match role {
            Role::S2Row(r) => {
                if self.s2_old {
                    stats.old_s2_rows += 1;
                    stats.understood += 1;
                    return;
                }
                self.place_values(Some(Role::S2Row(r)), &values, Section::S2, place, stats);
            }
            Role::S3Row(_) => self.place_values(Some(role), &values, Section::S3, place, stats),
            Role::S3RowGroup(group) if group == labels::S3_OTHER_GROUP => {
                // The 2019 layout's single row 「（六）其他处理」 (S003). Its numbers cannot be
                // spread over the three rows of 2021, unless they are forced: all 0.
                stats.understood += 1;
                self.edition = TableEdition::Y2019;
                let filled: Vec<&&Cell> = values.iter().filter(|v| !v.text.trim().is_empty()).collect();
                let all_zero = filled.iter().all(|v| CellValue::parse(v.text.trim(), CellKind::Count) == CellValue::Count(0));
                if filled.is_empty() {
                } else if all_zero && values.len() >= self.columns(Section::S3, None).len() {
                    for r in (0..labels::S3_ROWS.len()).filter(|r| labels::S3_ROWS[*r].groups.contains(&labels::S3_OTHER_GROUP)) {
                        self.place_values(Some(Role::S3Row(r)), &values, Section::S3, place, stats);
                    }
                    self.other_forced = true;
                } else {
                    self.unplaced.push(SourceNote {
                        location: place.row(),
                        found: row_text(row),
                        expected: "2019 年版表格的「（六）其他处理」只有一行，2021 年版分为三行（1.申请人无正当理由逾期不补正…、2.申请人逾期未按收费通知要求缴纳费用…、3.其他），无法对应：这三行未填写，请按 2021 年版格式分别填写".to_string(),
                        cell: None,
                    });
                }
            }
            Role::S3RowGroup(group) => {
                stats.understood += 1;
                if values.iter().any(|v| !v.text.trim().is_empty()) {
                    self.unplaced.push(SourceNote {
                        location: place.row(),
                        found: row_text(row),
                        expected: format!("「{group}」是分组标题，这一行的数值无法对应到具体的行，未导入"),
                        cell: None,
                    });
                }
            }
            _ => {}
        }
        self.context = Some(match role {
            Role::S2Row(_) => Section::S2,
            _ => Section::S3,
        });
    }

    /// Puts the values of a data row under the columns of the current header.
    fn place_values(&mut self, row: Option<Role>, values: &[&Cell], kind: Section, place: &Place, stats: &mut TableStats) {
        let columns = self.columns(kind, row);
        let mut values: Vec<&Cell> = values.to_vec();
        while values.len() > columns.len() && values.last().is_some_and(|v| v.text.trim().is_empty()) {
            values.pop();
        }
        // More entries than columns, the first one empty: a merged cell's artefact (the
        // sub-item column beside 「（七）总计」 left blank and drawn as a cell of its own).
        let extra = values.len().saturating_sub(columns.len());
        let leading_empty = values.iter().take_while(|v| v.text.trim().is_empty()).count();
        values.drain(..extra.min(leading_empty));
        stats.kinds[slot(kind)] = true;
        stats.understood += 1;
        self.context = Some(kind);
        if values.len() != columns.len() {
            self.unplaced.push(SourceNote {
                location: place.row(),
                found: format!("{} 个数值：{}", values.len(), values.iter().map(|v| shown(&v.text)).collect::<Vec<_>>().join("、")),
                expected: format!("表头有 {} 列，数值个数不一致，无法按列对应，这一行未导入", columns.len()),
                cell: None,
            });
            return;
        }
        for (cell_read, column) in values.iter().zip(columns) {
            let value = &cell_read.text;
            let cell = match (row, column) {
                (Some(Role::S2Row(r)), Column::S2(c)) => S2_ROWS[r].1.iter().position(|a| *a == S2_COLUMNS[c]).map(|i| CellId::s2(r, i)),
                (Some(Role::S3Row(r)), Column::S3(c)) => Some(CellId::s3(r, c)),
                (None, Column::S4(g, c)) => Some(CellId::s4(g, c)),
                _ => None,
            };
            if let Column::Unknown(header) = column {
                if !value.trim().is_empty() {
                    self.unplaced.push(SourceNote {
                        location: format!("{}「{}」列", place.row(), self.unknown_headers[header]),
                        found: shown(value),
                        expected: "这一列的表头不是格式规定的栏目，未导入".to_string(),
                        cell: None,
                    });
                }
                continue;
            }
            let Some(cell) = cell else {
                if !value.trim().is_empty() {
                    self.unplaced.push(SourceNote {
                        location: place.row(),
                        found: shown(value),
                        expected: "这一列不属于这一行（表头与行标签不匹配），未导入".to_string(),
                        cell: None,
                    });
                }
                continue;
            };
            if self.values[cell.index()].is_some() {
                stats.duplicates.push(cell);
                continue;
            }
            self.values[cell.index()] = Some((value.trim().to_string(), cell_read.at));
            stats.cells += 1;
        }
    }

    /// The leaf columns of the current header of a table kind, or the official ones.
    fn columns(&self, kind: Section, row: Option<Role>) -> Vec<Column> {
        match kind {
            Section::S2 => {
                if let Some(columns) = &self.s2_columns {
                    return columns.clone();
                }
                let Some(Role::S2Row(r)) = row else { return Vec::new() };
                S2_ROWS[r].1.iter().filter_map(|axis| S2_COLUMNS.iter().position(|c| c == axis)).map(Column::S2).collect()
            }
            Section::S3 | Section::S4 => {
                let slots = &self.slots[slot(kind)];
                let leaves: Option<Vec<Column>> = slots
                    .iter()
                    .map(|s| match s {
                        Slot::Leaf(c) => Some(*c),
                        Slot::Group(_) => None,
                    })
                    .collect();
                match leaves {
                    Some(leaves) if !leaves.is_empty() => leaves,
                    _ if kind == Section::S3 => (0..labels::S3_COLUMNS.len()).map(Column::S3).collect(),
                    _ => (0..labels::S4_GROUPS.len())
                        .flat_map(|g| (0..labels::S4_COLUMNS.len()).map(move |c| Column::S4(g, c)))
                        .collect(),
                }
            }
        }
    }

    fn note_edited(&mut self, label: &Label, place: &Place) {
        if !label.edited {
            return;
        }
        let location = place.row();
        if self.edited.iter().any(|n| n.location == location && n.expected == label.official) {
            return;
        }
        self.edited.push(SourceNote {
            location,
            found: label.written.clone(),
            expected: label.official.to_string(),
            cell: None,
        });
    }

    /// Writes the values found into the report.
    pub fn finish(self, report: &mut Report) -> Outcome {
        let mut found = vec![false; CellId::count()];
        let mut positions = Vec::new();
        for id in CellId::all() {
            if let Some((raw, at)) = &self.values[id.index()] {
                report.set_cell_text(id, raw);
                found[id.index()] = true;
                positions.push((id, *at));
            }
        }
        Outcome {
            edition: self.edition,
            other_forced: self.other_forced,
            edited_labels: capped(self.edited),
            unplaced: capped(self.unplaced),
            tables: self.tables,
            found,
            positions: CellPositions::new(positions),
        }
    }
}

/// At most [`MAX_NOTES`] notes: the first ones, then one that counts the rest.
fn capped(mut notes: Vec<SourceNote>) -> Vec<SourceNote> {
    if notes.len() > MAX_NOTES {
        let rest = notes.len() - (MAX_NOTES - 1);
        notes.truncate(MAX_NOTES - 1);
        notes.push(SourceNote {
            location: "其余各处".to_string(),
            found: format!("另有 {rest} 处同类内容"),
            expected: "未逐一列出：请先核对上面列出的各处".to_string(),
            cell: None,
        });
    }
    notes
}

#[derive(Default)]
struct TableStats {
    understood: usize,
    cells: usize,
    kinds: [bool; 3],
    old_s2_rows: usize,
    duplicates: Vec<CellId>,
}

/// A row of labels only (with at least one label that only a header has, or two labels).
fn is_header(classes: &[Class]) -> bool {
    let mut labels = 0;
    let mut texts = 0;
    let mut header_only = false;
    for class in classes {
        match class {
            Class::Value => return false,
            Class::Text => texts += 1,
            Class::Label(l) => {
                labels += 1;
                if l.roles.iter().all(|r| !r.is_row_label()) {
                    header_only = true;
                } else if l.roles.iter().all(|r| r.is_row_label() && *r != Role::Old2019) {
                    return false;
                }
            }
            Class::Empty => {}
        }
    }
    header_only || (labels >= 2 && texts == 0)
}

fn top_level(roles: &[Role]) -> Vec<Slot> {
    let mut seen = [0usize; 5];
    roles
        .iter()
        .filter_map(|r| match *r {
            Role::Group(g) => Some(Slot::Group(g)),
            Role::S3Column(c) => Some(Slot::Leaf(Column::S3(c))),
            Role::S4Column(c) => {
                let group = seen[c].min(labels::S4_GROUPS.len() - 1);
                seen[c] += 1;
                Some(Slot::Leaf(Column::S4(group, c)))
            }
            _ => None,
        })
        .collect()
}

/// Replaces each open group by the children it takes, in order, from the next header row.
fn expand(slots: &[Slot], roles: &[Role]) -> Vec<Slot> {
    let mut queue = roles.iter().copied().peekable();
    let mut out = Vec::new();
    for slot in slots {
        let Slot::Group(group) = *slot else {
            out.push(*slot);
            continue;
        };
        let mut taken: Vec<Slot> = Vec::new();
        while let Some(child) = queue.peek().and_then(|r| adopt(group, *r)) {
            if taken.contains(&child) {
                break;
            }
            taken.push(child);
            queue.next();
        }
        if taken.is_empty() {
            out.push(*slot);
        } else {
            out.extend(taken);
        }
    }
    out
}

fn row_text(row: &[Cell]) -> String {
    row.iter().filter(|c| !c.text.trim().is_empty()).map(|c| shown(&c.text)).collect::<Vec<_>>().join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table::numbered(1, rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect())
    }

    fn map(tables: &[Table]) -> (Report, Outcome) {
        let mut mapper = TableMapper::new();
        for t in tables {
            mapper.table(t, "");
        }
        let mut report = Report::empty();
        let outcome = mapper.finish(&mut report);
        (report, outcome)
    }

    #[test]
    fn cores_drop_numbering_and_layout() {
        assert_eq!(core("（三）不予公开"), "不予公开");
        assert_eq!(core("自\n然\n人"), "自然人");
        assert_eq!(core("\n三、\n本年度办理结果"), "本年度办理结果");
        assert_eq!(core("3.危及“三安全一稳定”"), "危及三安全一稳定");
        assert_eq!(core("第二十条第（一）项"), "第二十条第一项");
    }

    #[test]
    fn edited_labels_are_recognised_but_not_confused() {
        let l = recognise("本年(2023)制发件数").unwrap();
        assert_eq!((l.roles[0], l.edited), (Role::S2Column(0), true));
        // A truncated header and a typo are the official label edited (S004), not unknown text.
        let truncated = recognise("本年废止").unwrap();
        assert_eq!((truncated.roles[0], truncated.edited), (Role::S2Column(1), true));
        let typo = recognise("2.其他法律行政止公开").unwrap();
        assert_eq!((typo.roles[0], typo.official), (Role::S3Row(5), "2.其他法律行政法规禁止公开"));
        assert!(recognise("本年").is_none() && recognise("办理结果").is_none());
        assert!(recognise("我镇高度重视政务公开工作").is_none());
        assert_eq!(recognise("其他").unwrap().roles.len(), 2);
    }

    #[test]
    fn table_4_by_its_three_header_rows() {
        let (report, outcome) = map(&[table(&[
            &["行政复议", "行政诉讼"],
            &["结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "未经复议直接起诉", "复议后起诉"],
            &["", "", "", "", "", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
            &["1", "2", "3", "4", "10", "5", "6", "7", "8", "26", "9", "10", "11", "12", "42"],
        ])]);
        assert_eq!(report.count(CellId::known("s4.review.total")), Some(10));
        assert_eq!(report.count(CellId::known("s4.suit_direct.upheld")), Some(5));
        assert_eq!(report.count(CellId::known("s4.suit_after_review.total")), Some(42));
        assert!(outcome.unplaced.is_empty(), "{:?}", outcome.unplaced);
    }

    #[test]
    fn table_3_rows_by_label_in_any_order_and_split_in_two() {
        let header: [&[&str]; 3] = [
            &[labels::S3_CORNER_NOTE, "申请人情况"],
            &["", "自\n然\n人", "法人或其他组织", "总计"],
            &["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
        ];
        let mut first: Vec<&[&str]> = header.to_vec();
        first.push(&["二、上年结转政府信息公开申请数量", "1", "0", "0", "0", "0", "0", "1"]);
        first.push(&["", "", "", "", "", "", "", ""]);
        first.push(&["一、本年新收政府信息公开申请数量", "１", "12件", "0", "/", "", "—", "1,234"]);
        let second: [&[&str]; 1] = [&["", "", "3.其他", "0", "0", "0", "0", "0", "0", "0"]];
        let (report, outcome) = map(&[table(&first), table(&second)]);
        assert_eq!(report.count(CellId::known("s3.carried_in.natural")), Some(1));
        assert_eq!(report.count(CellId::known("s3.new.natural")), Some(1));
        assert_eq!(report.count(CellId::known("s3.new.business")), Some(12));
        assert_eq!(report.count(CellId::known("s3.new.total")), Some(1234));
        assert_eq!(report.cell(CellId::known("s3.new.nonprofit")), &CellValue::Blank("/".into()));
        assert_eq!(report.cell(CellId::known("s3.new.legal")), &CellValue::Missing);
        assert_eq!(report.count(CellId::known("s3.other.other.total")), Some(0));
        assert!(outcome.found[CellId::known("s3.new.legal").index()]);
        assert!(outcome.unplaced.is_empty(), "{:?}", outcome.unplaced);
    }

    #[test]
    fn what_cannot_be_placed_is_said() {
        let (_, outcome) = map(&[
            table(&[&["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], &["规章", "0", "0", "0"], &["地方性法规", "1", "2", "3"]]),
            table(&[&["姓名", "电话"], &["张三", "123"]]),
            table(&[&["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], &["规章", "5", "0", "0"]]),
        ]);
        let notes: Vec<&str> = outcome.unplaced.iter().map(|n| n.expected.as_str()).collect();
        assert_eq!(outcome.unplaced.len(), 3, "{notes:?}");
        assert!(outcome.unplaced[0].found.contains("地方性法规") && outcome.unplaced[0].location.contains("第3行"));
        assert!(notes[1].contains("不是格式规定的统计表格"));
        assert!(notes[2].contains("已在前面的表格中出现"));
    }

    #[test]
    fn published_layouts_map_with_the_right_notes() {
        // 「规范性文件」 under the 2021 columns is 行政规范性文件, written the old way (S004).
        let (report, outcome) = map(&[table(&[&["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], &["规范性文件", "8", "0", "18"]])]);
        assert_eq!(report.count(CellId::known("s2.normative.in_force")), Some(18));
        assert_eq!((outcome.edition, outcome.edited_labels[0].expected.as_str()), (TableEdition::Y2021, "行政规范性文件"));
        // 「（六）其他处理」 as one row: all 0 forces its three rows to 0; other numbers cannot be spread.
        let zeros = table(&[&["", "（六）其他处理", "0", "0", "0", "0", "0", "0", "0"]]);
        let (report, outcome) = map(&[zeros]);
        assert!(outcome.other_forced && outcome.edition == TableEdition::Y2019 && outcome.unplaced.is_empty());
        for row in ["no_correction", "unpaid_fee", "other"] {
            assert_eq!(report.count(CellId::known(&format!("s3.other.{row}.total"))), Some(0), "{row}");
        }
        // An empty cell right after the row label, beyond the columns, is a merged cell's artefact.
        let (report, outcome) = map(&[table(&[&["（六）其他处理", "", "0", "0", "0", "0", "0", "0", "0"], &["（七）总计", "", "95", "0", "0", "0", "0", "0", "95"]])]);
        assert!(outcome.other_forced && outcome.unplaced.is_empty(), "{:?}", outcome.unplaced);
        assert_eq!(report.count(CellId::known("s3.outcome_total.natural")), Some(95));
        assert_eq!(report.count(CellId::known("s3.outcome_total.total")), Some(95));
        assert_eq!(report.count(CellId::known("s3.other.unpaid_fee.natural")), Some(0));
        // An empty entry among exactly as many entries as columns is a blank cell, kept in place.
        let (report, _) = map(&[table(&[&["（七）总计", "", "0", "0", "0", "0", "0", "95"]])]);
        assert_eq!(report.cell(CellId::known("s3.outcome_total.natural")), &CellValue::Missing);
        assert_eq!(report.count(CellId::known("s3.outcome_total.total")), Some(95));

        let (report, outcome) = map(&[table(&[&["", "（六）其他处理", "0", "0", "0", "0", "0", "0", "1"]])]);
        assert!(!outcome.other_forced && outcome.unplaced.len() == 1);
        assert_eq!(report.cell(CellId::known("s3.other.other.total")), &CellValue::Missing);
        // A misspelt row label is that row, edited.
        let (report, outcome) = map(&[table(&[&["", "2.其他法律行政止公开", "0", "0", "0", "0", "0", "0", "0"]])]);
        assert_eq!(report.count(CellId::known("s3.denied.prohibited.total")), Some(0));
        assert_eq!(outcome.edited_labels.len(), 1);
        assert!(outcome.unplaced.is_empty());
    }

    #[test]
    fn notes_are_capped() {
        let rows: Vec<Vec<String>> = (0..500).map(|i| vec![format!("无关的行{i}"), "1".into(), "2".into()]).collect();
        let mut rows_ref: Vec<Vec<String>> = vec![vec!["信息内容".into(), "本年制发件数".into(), "本年废止件数".into()]];
        rows_ref.extend(rows);
        let mut mapper = TableMapper::new();
        mapper.table(&Table::numbered(1, rows_ref), "");
        let outcome = mapper.finish(&mut Report::empty());
        assert_eq!(outcome.unplaced.len(), MAX_NOTES);
        assert!(outcome.unplaced[MAX_NOTES - 1].found.contains("另有 451 处"), "{:?}", outcome.unplaced.last());
    }

    #[test]
    fn the_2019_tables_are_recognised_and_never_mis_mapped() {
        let (report, outcome) = map(&[
            table(&[&["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"], &["规章", "1", "2", "3"], &["规范性文件", "4", "5", "6"]]),
            table(&[&["", "（六）其他处理", "1", "0", "0", "0", "0", "0", "1"]]),
        ]);
        assert_eq!(outcome.edition, TableEdition::Y2019);
        assert_eq!(report.cell(CellId::known("s2.regulation.issued")), &CellValue::Missing);
        assert_eq!(report.cell(CellId::known("s3.other.other.natural")), &CellValue::Missing);
        assert_eq!(outcome.unplaced.len(), 2, "{:?}", outcome.unplaced);
    }
}
