//! From placed characters to lines of text, as a reader sees them (the job of poppler's
//! `TextOutputDev` and pdf.js's text layer): characters on one baseline band, left to right;
//! vertical writing top to bottom; spaces only where Latin text has a gap or a space character
//! (Chinese text is set without spaces, and the gaps that justification and the CJK–Latin
//! spacing of WPS and Word leave are no spaces: 「2024 年」 reads 「2024年」).

use super::content::Glyph;
use super::Rect;

/// A line of text: its characters, left to right (or top to bottom).
#[derive(Debug, Clone)]
pub struct Line {
    pub rect: Rect,
    pub size: f64,
    pub glyphs: Vec<Glyph>,
}

impl Line {
    pub fn text(&self) -> String {
        let mut out = String::new();
        let mut previous: Option<&Glyph> = None;
        for glyph in &self.glyphs {
            if let Some(p) = previous {
                if space_between(p, glyph) {
                    out.push(' ');
                }
            }
            out.push(glyph.ch);
            previous = Some(glyph);
        }
        out
    }
}

/// Characters of Chinese text, between which a gap is no space.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2010..=0x205E        // dashes, quotes, ellipsis, as Chinese text uses them
        | 0x2E80..=0x2FDF      // radicals
        | 0x3000..=0x30FF      // CJK punctuation, kana
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F      // vertical forms
        | 0xFF00..=0xFFEF      // full-width forms: （）：，
        | 0x20000..=0x3FFFF)
}

fn space_between(a: &Glyph, b: &Glyph) -> bool {
    let em = a.size.max(b.size);
    let gap = if a.vertical { b.rect.y0 - a.rect.y1 } else { b.rect.x0 - a.rect.x1 };
    if is_cjk(a.ch) || is_cjk(b.ch) {
        b.space_before || gap > 1.5 * em
    } else {
        b.space_before || gap > 0.2 * em
    }
}

/// Whether two lines of one paragraph or cell join with a space (Latin words) or without.
pub fn joins_with_space(a: char, b: char) -> bool {
    !(is_cjk(a) || is_cjk(b))
}

fn center_y(g: &Glyph) -> f64 {
    (g.rect.y0 + g.rect.y1) / 2.0
}

fn center_x(g: &Glyph) -> f64 {
    (g.rect.x0 + g.rect.x1) / 2.0
}

/// Groups horizontal characters into lines, top to bottom.
pub fn lines(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.sort_by(|a, b| center_y(a).total_cmp(&center_y(b)).then(a.rect.x0.total_cmp(&b.rect.x0)));
    let mut out: Vec<Line> = Vec::new();
    let mut current: Vec<Glyph> = Vec::new();
    let mut band = (0.0, 0.0);
    for glyph in glyphs {
        let cy = center_y(&glyph);
        if let Some(first) = current.first() {
            let tolerance = 0.4 * first.size.min(glyph.size);
            if (cy - band.0 / band.1).abs() > tolerance {
                out.push(finish_line(std::mem::take(&mut current), false));
                band = (0.0, 0.0);
            }
        }
        band = (band.0 + cy, band.1 + 1.0);
        current.push(glyph);
    }
    if !current.is_empty() {
        out.push(finish_line(current, false));
    }
    out
}

/// Groups vertical characters into columns, right to left as Chinese vertical text reads.
pub fn columns(mut glyphs: Vec<Glyph>) -> Vec<Line> {
    glyphs.sort_by(|a, b| center_x(b).total_cmp(&center_x(a)).then(a.rect.y0.total_cmp(&b.rect.y0)));
    let mut out: Vec<Line> = Vec::new();
    let mut current: Vec<Glyph> = Vec::new();
    for glyph in glyphs {
        if let Some(first) = current.first() {
            if (center_x(&glyph) - center_x(first)).abs() > 0.4 * first.size.min(glyph.size) {
                out.push(finish_line(std::mem::take(&mut current), true));
            }
        }
        current.push(glyph);
    }
    if !current.is_empty() {
        out.push(finish_line(current, true));
    }
    out
}

fn finish_line(mut glyphs: Vec<Glyph>, vertical: bool) -> Line {
    if vertical {
        glyphs.sort_by(|a, b| a.rect.y0.total_cmp(&b.rect.y0));
    } else {
        glyphs.sort_by(|a, b| a.rect.x0.total_cmp(&b.rect.x0));
    }
    // The same character drawn twice at (nearly) one place: fake bold, or a shadow.
    let mut kept: Vec<Glyph> = Vec::with_capacity(glyphs.len());
    for glyph in glyphs {
        let duplicate = kept.iter().rev().take(3).any(|k| {
            let overlap = if vertical { k.rect.y1.min(glyph.rect.y1) - k.rect.y0.max(glyph.rect.y0) } else { k.rect.x1.min(glyph.rect.x1) - k.rect.x0.max(glyph.rect.x0) };
            let extent = if vertical { glyph.rect.height() } else { glyph.rect.width() };
            k.ch == glyph.ch && overlap > 0.6 * extent
        });
        if !duplicate {
            kept.push(glyph);
        }
    }
    let rect = kept.iter().map(|g| g.rect).reduce(Rect::union).unwrap_or_default();
    let mut sizes: Vec<f64> = kept.iter().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes.get(sizes.len() / 2).copied().unwrap_or(0.0);
    Line { rect, size, glyphs: kept }
}

/// The text of characters in one table cell: its lines top to bottom (vertical columns
/// right to left), joined as one paragraph.
pub fn cell_text(glyphs: Vec<Glyph>) -> String {
    let (vertical, horizontal): (Vec<Glyph>, Vec<Glyph>) = glyphs.into_iter().partition(|g| g.vertical);
    let mut parts = lines(horizontal);
    parts.extend(columns(vertical));
    parts.sort_by(|a, b| a.rect.y0.total_cmp(&b.rect.y0));
    join(&parts)
}

/// Lines of one paragraph or cell as one text.
pub fn join(lines: &[Line]) -> String {
    let mut out = String::new();
    let mut last: Option<char> = None;
    for line in lines {
        let text = line.text();
        if let (Some(a), Some(b)) = (last, text.chars().next()) {
            if joins_with_space(a, b) {
                out.push(' ');
            }
        }
        last = text.chars().last().or(last);
        out.push_str(&text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(ch: char, x: f64, y: f64) -> Glyph {
        Glyph { rect: Rect { x0: x, y0: y, x1: x + if is_cjk(ch) { 12.0 } else { 6.0 }, y1: y + 12.0 }, ch, size: 12.0, vertical: false, space_before: false }
    }

    #[test]
    fn chinese_text_has_no_spaces_latin_words_do() {
        let mut glyphs = vec![glyph('自', 0.0, 100.0), glyph('2', 15.0, 100.3), glyph('0', 21.0, 100.0), glyph('年', 30.0, 99.8)];
        glyphs.extend([glyph('a', 60.0, 100.0), glyph('b', 70.0, 100.0)]);
        glyphs.push(glyph('下', 0.0, 120.0));
        let lines = lines(glyphs);
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0].text(), "自20年a b");
        assert_eq!(lines[1].text(), "下");
    }

    #[test]
    fn vertical_columns_read_top_down_and_duplicates_drop() {
        let mut a = glyph('三', 10.0, 0.0);
        let mut b = glyph('、', 10.0, 14.0);
        let mut c = glyph('本', 10.0, 28.0);
        for g in [&mut a, &mut b, &mut c] {
            g.vertical = true;
        }
        assert_eq!(cell_text(vec![c, a, b, a]), "三、本");
    }
}
