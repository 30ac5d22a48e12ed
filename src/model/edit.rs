//! Changes to a report as data: what a fix does, checked against the report before it is made.
//!
//! An [`Edit`] records what it expects to find (`before`) as well as what it writes (`after`),
//! so an edit computed from an older state of the report (a stale fix, an undo after the user
//! typed over the fixed cell) is refused instead of overwriting what the user wrote.

use std::fmt;

use serde::Serialize;

use super::cells::CellId;
use super::report::{Report, TextField};

/// One change to a report.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Edit {
    /// A cell goes from the text `before` (as the form shows it: `""` for not filled) to `after`.
    Cell { cell: CellId, before: String, after: String },
    /// In the text field at `field` (a JSON path: `text.overview`, `headings[2]`), the characters
    /// `start..end` (Unicode scalar values), which read `before`, become `after`.
    Text { field: String, start: usize, end: usize, before: String, after: String },
}

/// Why edits could not be made; nothing was changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditError {
    /// In Chinese: what no longer matches.
    pub message: String,
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EditError {}

impl Edit {
    /// The text field or cell the edit changes, for messages: 「一、总体情况」, 「第 3 个标题」,
    /// the cell's label.
    pub fn place(&self) -> String {
        match self {
            Edit::Cell { cell, .. } => cell.label().to_string(),
            Edit::Text { field, .. } => match (field.strip_prefix("text.").and_then(TextField::from_key), heading_index(field)) {
                (Some(text_field), _) => text_field.label().to_string(),
                (None, Some(index)) => format!("第 {} 个标题", index + 1),
                (None, None) => field.clone(),
            },
        }
    }
}

impl Report {
    /// The text of a field by its JSON path: `text.overview`, … or `headings[i]`.
    pub fn text_at(&self, path: &str) -> Option<&str> {
        if let Some(index) = heading_index(path) {
            return self.headings.as_ref()?.get(index).map(String::as_str);
        }
        let field = path.strip_prefix("text.").and_then(TextField::from_key)?;
        Some(self.text.get(field))
    }

    fn text_at_mut(&mut self, path: &str) -> Option<&mut String> {
        if let Some(index) = heading_index(path) {
            return self.headings.as_mut()?.get_mut(index);
        }
        let field = path.strip_prefix("text.").and_then(TextField::from_key)?;
        Some(self.text.get_mut(field))
    }

    /// Makes every edit or none: each must find what it expects. Returns the edits that undo
    /// them (themselves checked the same way when applied).
    pub fn apply_edits(&mut self, edits: &[Edit]) -> Result<Vec<Edit>, EditError> {
        for (i, edit) in edits.iter().enumerate() {
            self.check_edit(edit)?;
            if let Some(other) = edits[..i].iter().find(|other| overlap(edit, other)) {
                return Err(EditError {
                    message: format!("无法修正：对{}的两处修改互相重叠", other.place()),
                });
            }
        }
        // Text edits from the end of each field backwards, so earlier offsets stay valid.
        let key = |e: &Edit| match e {
            Edit::Cell { .. } => None,
            Edit::Text { field, start, .. } => Some((field.clone(), usize::MAX - start)),
        };
        let mut order: Vec<&Edit> = Vec::with_capacity(edits.len());
        for edit in edits {
            // A handful of edits: insert each in place rather than sort.
            let at = order.iter().position(|e| key(e) > key(edit)).unwrap_or(order.len());
            order.insert(at, edit);
        }
        for edit in &order {
            match edit {
                Edit::Cell { cell, after, .. } => self.set_cell_text(*cell, after),
                Edit::Text { field, start, end, after, .. } => {
                    let text = self.text_at_mut(field).expect("checked above");
                    let (from, to) = (byte_offset(text, *start), byte_offset(text, *end));
                    text.replace_range(from..to, after);
                }
            }
        }
        Ok(edits.iter().map(|e| inverse(e, edits)).collect())
    }

    fn check_edit(&self, edit: &Edit) -> Result<(), EditError> {
        match edit {
            Edit::Cell { cell, before, .. } => {
                let now = self.cell(*cell).display();
                if now != *before {
                    return Err(stale(&edit.place(), &now, before));
                }
            }
            Edit::Text { field, start, end, before, .. } => {
                let Some(text) = self.text_at(field) else {
                    return Err(EditError { message: format!("无法修正：报告中没有「{field}」") });
                };
                let now: String = text.chars().skip(*start).take(end.saturating_sub(*start)).collect();
                if start > end || now != *before {
                    return Err(stale(&edit.place(), &now, before));
                }
            }
        }
        Ok(())
    }
}

fn stale(place: &str, now: &str, expected: &str) -> EditError {
    EditError {
        message: format!("无法修正：{place}现在是「{now}」，不是修正所依据的「{expected}」。报告已经改过，请重新检查后再修正"),
    }
}

fn heading_index(path: &str) -> Option<usize> {
    path.strip_prefix("headings[")?.strip_suffix(']')?.parse().ok()
}

fn byte_offset(text: &str, chars: usize) -> usize {
    text.char_indices().nth(chars).map_or(text.len(), |(i, _)| i)
}

fn overlap(a: &Edit, b: &Edit) -> bool {
    match (a, b) {
        (Edit::Cell { cell: x, .. }, Edit::Cell { cell: y, .. }) => x == y,
        (Edit::Text { field: f, start: s1, end: e1, .. }, Edit::Text { field: g, start: s2, end: e2, .. }) => {
            // Two insertions at one place, or ranges that share a character.
            f == g && (s1 == s2 || (s1 < e2 && s2 < e1))
        }
        _ => false,
    }
}

/// The edit that undoes `edit` once all of `edits` are made: text offsets move by what the
/// earlier edits of the same field added or removed.
fn inverse(edit: &Edit, edits: &[Edit]) -> Edit {
    match edit {
        Edit::Cell { cell, before, after } => Edit::Cell { cell: *cell, before: after.clone(), after: before.clone() },
        Edit::Text { field, start, before, after, .. } => {
            let shift: isize = edits
                .iter()
                .filter_map(|e| match e {
                    Edit::Text { field: f, start: s, before: b, after: a, .. } if f == field && s < start => {
                        Some(a.chars().count() as isize - b.chars().count() as isize)
                    }
                    _ => None,
                })
                .sum();
            let start = (*start as isize + shift) as usize;
            Edit::Text {
                field: field.clone(),
                start,
                end: start + after.chars().count(),
                before: after.clone(),
                after: before.clone(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_edit(field: &str, start: usize, end: usize, before: &str, after: &str) -> Edit {
        Edit::Text { field: field.into(), start, end, before: before.into(), after: after.into() }
    }

    #[test]
    fn edits_apply_together_and_undo() {
        let mut report = Report::empty();
        report.text.overview = "全乡推进，围绕《政务公开条例》解读。".into();
        report.headings = Some(vec!["3、 收到".into()]);
        report.set_cell_text(CellId::known("s3.new.total"), "5");
        let original = report.clone();
        let edits = [
            text_edit("text.overview", 0, 2, "全乡", "全镇"),
            text_edit("text.overview", 7, 15, "《政务公开条例》", "《中华人民共和国政府信息公开条例》"),
            text_edit("headings[0]", 0, 3, "3、 ", "三、"),
            Edit::Cell { cell: CellId::known("s3.new.total"), before: "5".into(), after: "6".into() },
        ];
        let undo = report.apply_edits(&edits).unwrap();
        assert_eq!(report.text.overview, "全镇推进，围绕《中华人民共和国政府信息公开条例》解读。");
        assert_eq!(report.headings.as_ref().unwrap()[0], "三、收到");
        assert_eq!(report.count(CellId::known("s3.new.total")), Some(6));
        report.apply_edits(&undo).unwrap();
        assert_eq!(report, original);
    }

    #[test]
    fn a_stale_edit_changes_nothing() {
        let mut report = Report::empty();
        report.text.overview = "全乡推进".into();
        report.set_cell_text(CellId::known("s3.new.total"), "7");
        let before = report.clone();
        let edits = [
            text_edit("text.overview", 0, 2, "全乡", "全镇"),
            Edit::Cell { cell: CellId::known("s3.new.total"), before: "5".into(), after: "6".into() },
        ];
        let err = report.apply_edits(&edits).unwrap_err();
        assert!(err.message.contains("现在是「7」，不是修正所依据的「5」"), "{err}");
        assert_eq!(report, before);
        assert!(report.apply_edits(&[text_edit("headings[9]", 0, 1, "x", "y")]).is_err());
        assert!(report.apply_edits(&[text_edit("text.overview", 1, 3, "乡推", "x"), text_edit("text.overview", 0, 2, "全乡", "y")]).is_err());
        assert_eq!(report, before);
    }
}
