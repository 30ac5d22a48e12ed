//! A worksheet as people want to read one: a bold header row that stays in view, a filter on
//! every column, and columns as wide as what they hold (within limits).

use rust_xlsxwriter::{Format, FormatAlign, Workbook, Worksheet, XlsxError};

/// A value of one cell of a sheet.
pub enum Value<'a> {
    Text(&'a str),
    Number(f64),
    Empty,
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(text: &'a str) -> Self {
        Value::Text(text)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(text: &'a String) -> Self {
        Value::Text(text)
    }
}

/// A worksheet filled row by row.
pub struct Sheet {
    sheet: Worksheet,
    /// Widest content so far of each column, in Excel's character units.
    widths: Vec<f64>,
    /// Widest a column may grow.
    max_widths: Vec<f64>,
    rows: u32,
}

/// Excel measures a column in widths of the digit 0; a Chinese character takes about two.
fn display_width(text: &str) -> f64 {
    text.chars().map(|c| if c.is_ascii() { 1.0 } else { 2.0 }).sum()
}

impl Sheet {
    /// A sheet with its header row; `columns` are (header, widest the column may grow).
    pub fn new<S: AsRef<str>>(name: &str, columns: &[(S, f64)]) -> Result<Sheet, XlsxError> {
        let mut sheet = Worksheet::new();
        sheet.set_name(name)?;
        let bold = Format::new().set_bold().set_background_color("DDEBF7").set_align(FormatAlign::Center);
        for (col, (header, _)) in columns.iter().enumerate() {
            sheet.write_string_with_format(0, col as u16, header.as_ref(), &bold)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(Sheet {
            sheet,
            widths: columns.iter().map(|(h, _)| display_width(h.as_ref()) + 2.0).collect(),
            max_widths: columns.iter().map(|(_, max)| *max).collect(),
            rows: 1,
        })
    }

    pub fn push(&mut self, values: &[Value]) -> Result<(), XlsxError> {
        self.write(self.rows, values)?;
        self.rows += 1;
        Ok(())
    }

    /// Writes (or overwrites) row `row` (1 is the first row after the header).
    pub fn write(&mut self, row: u32, values: &[Value]) -> Result<(), XlsxError> {
        for (col, value) in values.iter().enumerate() {
            let width = match value {
                Value::Text(text) if !text.is_empty() => {
                    self.sheet.write_string(row, col as u16, *text)?;
                    display_width(text)
                }
                Value::Number(n) => {
                    self.sheet.write_number(row, col as u16, *n)?;
                    display_width(&n.to_string())
                }
                _ => 0.0,
            };
            if let Some(w) = self.widths.get_mut(col) {
                *w = w.max(width + 1.0);
            }
        }
        Ok(())
    }

    /// Sets the widths and the filter, and adds the sheet to the workbook.
    pub fn finish(mut self, workbook: &mut Workbook) -> Result<(), XlsxError> {
        let last_col = self.widths.len().saturating_sub(1) as u16;
        for (col, (width, max)) in self.widths.iter().zip(&self.max_widths).enumerate() {
            self.sheet.set_column_width(col as u16, width.min(*max))?;
        }
        self.sheet.autofilter(0, 0, self.rows - 1, last_col)?;
        workbook.push_worksheet(self.sheet);
        Ok(())
    }
}

/// A Chinese message for a workbook that could not be written.
pub fn error_message(e: XlsxError) -> String {
    format!("无法生成 Excel 文件（{e}）")
}
