//! The content-stream operators that place text and draw table borders: the graphics state
//! (`q`/`Q`/`cm`), the text operators (`BT` … `ET`, `Tf`, `Tm`, `Td`, `TD`, `T*`, `Tc`, `Tw`,
//! `Tz`, `TL`, `Ts`, `Tj`, `TJ`, `'`, `"`), paths (`m`, `l`, `re`, `h`, curves) and their painting
//! (strokes and thin fills become rules), form XObjects, and images (for telling scans).
//!
//! Output coordinates are the page as displayed: points from the top-left corner, y downward.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use unicode_normalization::UnicodeNormalization;

use super::fonts::{Code, Font};
use super::objects::{self, ContentBudget};
use super::{Limits, Rect};
use crate::import::ImportError;

/// Deepest nesting of form XObjects followed.
const MAX_FORM_DEPTH: usize = 12;
/// Deepest `q` nesting kept (deeper saves are counted, not stored).
const MAX_SAVE_DEPTH: usize = 256;
/// A filled rectangle at most this thick (points) is a drawn rule, not a shaded area.
const RULE_THICKNESS: f64 = 3.0;

/// One character placed on the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    pub rect: Rect,
    pub ch: char,
    /// The font size as displayed, in points.
    pub size: f64,
    /// Written top to bottom (a vertical font, or text turned a quarter clockwise).
    pub vertical: bool,
    /// A space character came just before this one in the content.
    pub space_before: bool,
}

/// A drawn horizontal or vertical line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rule {
    pub horizontal: bool,
    /// y of a horizontal rule, x of a vertical one.
    pub at: f64,
    pub from: f64,
    pub to: f64,
}

/// What one page holds.
#[derive(Debug, Default)]
pub struct RawPage {
    pub width: f64,
    pub height: f64,
    pub glyphs: Vec<Glyph>,
    pub rules: Vec<Rule>,
    /// Area covered by images, in square points (a scan covers the page).
    pub image_area: f64,
    /// Codes shown that no font told the text of.
    pub unreadable: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Matrix([f64; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn translate(x: f64, y: f64) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self` applied first, then `other`.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2, e * a2 + f * c2 + e2, e * b2 + f * d2 + f2])
    }

    fn apply(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn vector(self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, _, _] = self.0;
        (a * x + c * y, b * x + d * y)
    }

    fn finite(self) -> bool {
        self.0.iter().all(|v| v.is_finite())
    }
}

#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    size: f64,
    char_spacing: f64,
    word_spacing: f64,
    scale: f64,
    leading: f64,
    rise: f64,
    stroke_white: bool,
    fill_white: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum FontKey {
    Object(ObjectId),
    Inline(usize),
}

/// Reads the pages of one document, sharing fonts and budgets between them.
pub struct Interpreter<'a> {
    doc: &'a Document,
    limits: &'a Limits,
    budget: ContentBudget,
    fonts: HashMap<FontKey, Rc<Font>>,
    operations_left: usize,
    glyphs_left: usize,
}

/// One run of a content stream: the page being filled and the form nesting.
struct Run<'p> {
    page: &'p mut RawPage,
    /// Maps PDF page space to displayed points, y downward.
    to_page: Matrix,
    forms: Vec<ObjectId>,
    codes: Vec<Code>,
    space_pending: bool,
}

impl<'a> Interpreter<'a> {
    pub fn new(doc: &'a Document, limits: &'a Limits) -> Self {
        Interpreter {
            doc,
            limits,
            budget: ContentBudget::new(limits),
            fonts: HashMap::new(),
            operations_left: limits.operations,
            glyphs_left: limits.glyphs,
        }
    }

    pub fn page(&mut self, page: ObjectId) -> Result<RawPage, ImportError> {
        let [x0, y0, x1, y1] = objects::page_box(self.doc, page);
        let rotation = objects::rotation(self.doc, page);
        let (to_page, width, height) = match rotation {
            90 => (Matrix([0.0, 1.0, 1.0, 0.0, -y0, -x0]), y1 - y0, x1 - x0),
            180 => (Matrix([-1.0, 0.0, 0.0, 1.0, x1, -y0]), x1 - x0, y1 - y0),
            270 => (Matrix([0.0, -1.0, -1.0, 0.0, y1, x1]), y1 - y0, x1 - x0),
            _ => (Matrix([1.0, 0.0, 0.0, -1.0, -x0, y1]), x1 - x0, y1 - y0),
        };
        let mut raw = RawPage { width, height, ..RawPage::default() };
        let content = self.budget.page(self.doc, page, self.limits)?;
        let resources = objects::inherited(self.doc, page, b"Resources").and_then(|o| o.as_dict().ok());
        let mut run = Run { page: &mut raw, to_page, forms: Vec::new(), codes: Vec::new(), space_pending: false };
        self.run(&content, resources, Matrix::IDENTITY, &mut run)?;
        Ok(raw)
    }

    fn run(&mut self, content: &[u8], resources: Option<&'a Dictionary>, ctm: Matrix, run: &mut Run) -> Result<(), ImportError> {
        let mut state = State {
            ctm,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            stroke_white: false,
            fill_white: false,
        };
        let mut saved: Vec<State> = Vec::new();
        let mut unsaved_depth = 0usize;
        let mut text = Matrix::IDENTITY;
        let mut line = Matrix::IDENTITY;
        let mut path: Vec<Vec<(f64, f64)>> = Vec::new();
        let mut closed: Vec<bool> = Vec::new();

        for operation in Content::decode_iter(content) {
            // A damaged stream keeps what was read before the damage.
            let Ok(operation) = operation else { break };
            if self.operations_left == 0 {
                return Err(ImportError::new(format!(
                    "PDF 的页面内容过于复杂（超过 {} 条绘制指令），已停止读取。年度报告的 PDF 通常只有几万条，请确认选择的文件是否正确",
                    self.limits.operations
                )));
            }
            self.operations_left -= 1;
            let ops = &operation.operands;
            let number = |i: usize| ops.get(i).and_then(|o| o.as_float().ok()).map(f64::from).filter(|v| v.is_finite());
            let numbers = |n: usize| -> Option<Vec<f64>> { (0..n).map(number).collect() };
            match operation.operator.as_str() {
                "q" => {
                    if saved.len() < MAX_SAVE_DEPTH {
                        saved.push(state.clone());
                    } else {
                        unsaved_depth += 1;
                    }
                }
                "Q" => {
                    if unsaved_depth > 0 {
                        unsaved_depth -= 1;
                    } else if let Some(previous) = saved.pop() {
                        state = previous;
                    }
                }
                "cm" => {
                    if let Some(m) = numbers(6) {
                        let m = Matrix([m[0], m[1], m[2], m[3], m[4], m[5]]).then(state.ctm);
                        if m.finite() {
                            state.ctm = m;
                        }
                    }
                }
                "G" | "g" | "RG" | "rg" | "K" | "k" | "SC" | "sc" | "SCN" | "scn" => {
                    let values: Vec<f64> = (0..ops.len()).filter_map(number).collect();
                    let white = match values.len() {
                        1 | 3 => values.iter().all(|v| *v >= 0.95),
                        4 => values.iter().all(|v| *v <= 0.05),
                        _ => false,
                    };
                    if operation.operator.chars().next().is_some_and(|c| c.is_ascii_uppercase()) {
                        state.stroke_white = white;
                    } else {
                        state.fill_white = white;
                    }
                }
                "BT" => {
                    text = Matrix::IDENTITY;
                    line = Matrix::IDENTITY;
                }
                "Tf" => {
                    state.size = number(1).unwrap_or(0.0);
                    state.font = ops.first().and_then(|o| o.as_name().ok()).and_then(|name| self.font(resources, name));
                }
                "Tc" => state.char_spacing = number(0).unwrap_or(0.0),
                "Tw" => state.word_spacing = number(0).unwrap_or(0.0),
                "Tz" => state.scale = number(0).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = number(0).unwrap_or(0.0),
                "Ts" => state.rise = number(0).unwrap_or(0.0),
                "Td" | "TD" => {
                    if let Some(t) = numbers(2) {
                        if operation.operator == "TD" {
                            state.leading = -t[1];
                        }
                        line = Matrix::translate(t[0], t[1]).then(line);
                        text = line;
                    }
                }
                "Tm" => {
                    if let Some(m) = numbers(6) {
                        let m = Matrix([m[0], m[1], m[2], m[3], m[4], m[5]]);
                        if m.finite() {
                            line = m;
                            text = m;
                        }
                    }
                }
                "T*" => {
                    line = Matrix::translate(0.0, -state.leading).then(line);
                    text = line;
                }
                "Tj" | "'" | "\"" => {
                    let string = match operation.operator.as_str() {
                        "\"" => {
                            state.word_spacing = number(0).unwrap_or(state.word_spacing);
                            state.char_spacing = number(1).unwrap_or(state.char_spacing);
                            ops.get(2)
                        }
                        _ => ops.first(),
                    };
                    if operation.operator != "Tj" {
                        line = Matrix::translate(0.0, -state.leading).then(line);
                        text = line;
                    }
                    if let Some(Ok(bytes)) = string.map(Object::as_str) {
                        self.show(bytes, &state, &mut text, run);
                    }
                }
                "TJ" => {
                    let Some(Ok(items)) = ops.first().map(Object::as_array) else { continue };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => self.show(bytes, &state, &mut text, run),
                            _ => {
                                if let Ok(n) = item.as_float() {
                                    let shift = -f64::from(n) / 1000.0 * state.size;
                                    let vertical = state.font.as_ref().is_some_and(|f| f.vertical);
                                    text = if vertical { Matrix::translate(0.0, shift) } else { Matrix::translate(shift * state.scale, 0.0) }.then(text);
                                    if n < -250.0 && !vertical {
                                        run.space_pending = true;
                                    }
                                }
                            }
                        }
                    }
                }
                "m" => {
                    if let Some(p) = numbers(2) {
                        path.push(vec![state.ctm.apply(p[0], p[1])]);
                        closed.push(false);
                    }
                }
                "l" | "c" | "v" | "y" => {
                    let n = if operation.operator == "l" { 2 } else if operation.operator == "c" { 6 } else { 4 };
                    if let (Some(p), Some(sub)) = (numbers(n), path.last_mut()) {
                        // Curves are no borders: only their end point is kept, marked as such.
                        let point = state.ctm.apply(p[n - 2], p[n - 1]);
                        if operation.operator == "l" {
                            sub.push(point);
                        } else {
                            sub.push((f64::NAN, f64::NAN));
                            sub.push(point);
                        }
                    }
                }
                "h" => {
                    if let Some(c) = closed.last_mut() {
                        *c = true;
                    }
                }
                "re" => {
                    if let Some(r) = numbers(4) {
                        let corners = [(r[0], r[1]), (r[0] + r[2], r[1]), (r[0] + r[2], r[1] + r[3]), (r[0], r[1] + r[3])];
                        path.push(corners.iter().map(|&(x, y)| state.ctm.apply(x, y)).collect());
                        closed.push(true);
                    }
                }
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" | "n" => {
                    let op = operation.operator.as_str();
                    if matches!(op, "s" | "b" | "b*") {
                        if let Some(c) = closed.last_mut() {
                            *c = true;
                        }
                    }
                    let stroke = matches!(op, "S" | "s" | "B" | "B*" | "b" | "b*") && !state.stroke_white;
                    let fill = matches!(op, "f" | "F" | "f*" | "B" | "B*" | "b" | "b*") && !state.fill_white;
                    for (sub, is_closed) in path.iter().zip(&closed) {
                        let sub: Vec<(f64, f64)> = sub.iter().map(|&(x, y)| if x.is_nan() { (x, y) } else { run.to_page.apply(x, y) }).collect();
                        if stroke {
                            stroked_rules(&sub, *is_closed, &mut run.page.rules);
                        }
                        if fill {
                            filled_rule(&sub, &mut run.page.rules);
                        }
                    }
                    if run.page.rules.len() > self.limits.rules {
                        return Err(ImportError::new(format!(
                            "PDF 的一页上画了超过 {} 条线，内容过于复杂，已停止读取。请确认选择的文件是否正确",
                            self.limits.rules
                        )));
                    }
                    path.clear();
                    closed.clear();
                }
                "Do" => {
                    let Some(name) = ops.first().and_then(|o| o.as_name().ok()) else { continue };
                    self.draw_object(resources, name, &state, run)?;
                }
                "BI" => run.page.image_area += image_area(state.ctm.then(run.to_page)),
                _ => {}
            }
        }
        Ok(())
    }

    fn font(&mut self, resources: Option<&'a Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = objects::dict(self.doc, resources?, b"Font")?;
        let entry = fonts.get(name).ok()?;
        let key = match entry {
            Object::Reference(id) => FontKey::Object(*id),
            other => FontKey::Inline(other as *const Object as usize),
        };
        if let Some(font) = self.fonts.get(&key) {
            return Some(font.clone());
        }
        let dict = objects::resolve(self.doc, entry)?.as_dict().ok()?;
        let font = Rc::new(Font::load(self.doc, dict));
        self.fonts.insert(key, font.clone());
        Some(font)
    }

    fn draw_object(&mut self, resources: Option<&'a Dictionary>, name: &[u8], state: &State, run: &mut Run) -> Result<(), ImportError> {
        let Some(xobjects) = resources.and_then(|r| objects::dict(self.doc, r, b"XObject")) else { return Ok(()) };
        let Ok(entry) = xobjects.get(name) else { return Ok(()) };
        let Ok((id, object)) = self.doc.dereference(entry) else { return Ok(()) };
        let Ok(stream) = object.as_stream() else { return Ok(()) };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => run.page.image_area += image_area(state.ctm.then(run.to_page)),
            Ok(b"Form") => {
                let id = id.unwrap_or((0, 0));
                if run.forms.len() >= MAX_FORM_DEPTH || run.forms.contains(&id) {
                    return Ok(());
                }
                let matrix = stream
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|o| objects::resolve(self.doc, o))
                    .and_then(|o| o.as_array().ok())
                    .and_then(|a| {
                        let v: Vec<f64> = a.iter().filter_map(|o| o.as_float().ok()).map(f64::from).collect();
                        (v.len() == 6).then(|| Matrix([v[0], v[1], v[2], v[3], v[4], v[5]]))
                    })
                    .filter(|m| m.finite())
                    .unwrap_or(Matrix::IDENTITY);
                let own = objects::dict(self.doc, &stream.dict, b"Resources");
                let content = self.budget.stream(stream, self.limits)?;
                run.forms.push(id);
                let result = self.run(&content, own.or(resources), matrix.then(state.ctm), run);
                run.forms.pop();
                result?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Places the glyphs of one shown string and advances the text matrix.
    fn show(&mut self, bytes: &[u8], state: &State, text: &mut Matrix, run: &mut Run) {
        let Some(font) = state.font.clone() else { return };
        let mut codes = std::mem::take(&mut run.codes);
        codes.clear();
        font.codes(bytes, &mut codes);
        let size = state.size;
        let font_matrix = Matrix([size * state.scale, 0.0, 0.0, size, 0.0, state.rise]);
        for code in &codes {
            let to_page = font_matrix.then(*text).then(state.ctm).then(run.to_page);
            let spacing = state.char_spacing + if code.is_space_code { state.word_spacing } else { 0.0 };
            let is_space = !code.text.is_empty() && code.text.chars().all(|c| c.is_whitespace() || c == '\u{3000}');
            if code.text.is_empty() {
                run.page.unreadable += 1;
            } else if is_space {
                run.space_pending = true;
            } else if self.glyphs_left > 0 && to_page.finite() {
                self.place(code, font.vertical, to_page, run);
            }
            *text = if font.vertical {
                Matrix::translate(0.0, -code.advance / 1000.0 * size + spacing)
            } else {
                Matrix::translate((code.advance / 1000.0 * size + spacing) * state.scale, 0.0)
            }
            .then(*text);
        }
        run.codes = codes;
    }

    fn place(&mut self, code: &Code, vertical_font: bool, to_page: Matrix, run: &mut Run) {
        let w = code.width / 1000.0;
        // The glyph box in text space, and the writing direction.
        let ((bx0, by0, bx1, by1), (dx, dy)) = if vertical_font { ((-w / 2.0, -1.0, w / 2.0, 0.0), (0.0, -1.0)) } else { ((0.0, -0.2, w, 0.8), (1.0, 0.0)) };
        let corners = [to_page.apply(bx0, by0), to_page.apply(bx1, by0), to_page.apply(bx1, by1), to_page.apply(bx0, by1)];
        let rect = Rect::around(&corners);
        let (ux, uy) = to_page.vector(0.0, 1.0);
        let size = ux.hypot(uy);
        if size < 0.5 || rect.width() > 2000.0 || rect.height() > 2000.0 {
            return;
        }
        let (ax, ay) = to_page.vector(dx, dy);
        let vertical = ay > 0.0 && ay.abs() > 2.0 * ax.abs();
        let chars: Vec<char> = code.text.chars().flat_map(normalise).filter(|c| !c.is_control()).collect();
        let count = chars.len().max(1) as f64;
        for (i, ch) in chars.into_iter().enumerate() {
            if self.glyphs_left == 0 {
                return;
            }
            self.glyphs_left -= 1;
            // Several characters of one code (a ligature) share its box.
            let part = if vertical {
                let h = rect.height() / count;
                Rect { y0: rect.y0 + h * i as f64, y1: rect.y0 + h * (i + 1) as f64, ..rect }
            } else {
                let w = rect.width() / count;
                Rect { x0: rect.x0 + w * i as f64, x1: rect.x0 + w * (i + 1) as f64, ..rect }
            };
            run.page.glyphs.push(Glyph { rect: part, ch, size, vertical, space_before: std::mem::take(&mut run.space_pending) });
        }
    }
}

/// Kangxi radicals and CJK compatibility ideographs, which some exporters put in ToUnicode
/// maps, read as the ideographs they look like (「⽂」 U+2F42 → 「文」).
fn normalise(c: char) -> impl Iterator<Item = char> {
    let odd = matches!(c as u32, 0x2E80..=0x2FDF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F);
    let normalised: Vec<char> = if odd { std::iter::once(c).nfkc().collect() } else { vec![if c == '\u{a0}' { ' ' } else { c }] };
    normalised.into_iter()
}

fn image_area(m: Matrix) -> f64 {
    let (ax, ay) = m.vector(1.0, 0.0);
    let (bx, by) = m.vector(0.0, 1.0);
    (ax * by - ay * bx).abs().min(1e7)
}

/// The horizontal and vertical pieces of a stroked subpath.
fn stroked_rules(points: &[(f64, f64)], closed: bool, rules: &mut Vec<Rule>) {
    let mut pairs: Vec<((f64, f64), (f64, f64))> = points.windows(2).map(|w| (w[0], w[1])).collect();
    if closed && points.len() > 2 {
        pairs.push((points[points.len() - 1], points[0]));
    }
    for (a, b) in pairs {
        if a.0.is_nan() || b.0.is_nan() {
            continue;
        }
        if (a.1 - b.1).abs() < 0.5 && (a.0 - b.0).abs() >= 0.5 {
            rules.push(Rule { horizontal: true, at: (a.1 + b.1) / 2.0, from: a.0.min(b.0), to: a.0.max(b.0) });
        } else if (a.0 - b.0).abs() < 0.5 && (a.1 - b.1).abs() >= 0.5 {
            rules.push(Rule { horizontal: false, at: (a.0 + b.0) / 2.0, from: a.1.min(b.1), to: a.1.max(b.1) });
        }
    }
}

/// A filled subpath that is a thin axis-aligned rectangle: a border drawn as a fill.
fn filled_rule(points: &[(f64, f64)], rules: &mut Vec<Rule>) {
    if points.len() < 4 || points.iter().any(|p| p.0.is_nan()) {
        return;
    }
    let rect = Rect::around(points);
    let on_corner = |p: &(f64, f64)| ((p.0 - rect.x0).abs() < 0.3 || (p.0 - rect.x1).abs() < 0.3) && ((p.1 - rect.y0).abs() < 0.3 || (p.1 - rect.y1).abs() < 0.3);
    if !points.iter().all(on_corner) {
        return;
    }
    let (w, h) = (rect.width(), rect.height());
    if h <= RULE_THICKNESS && w > h {
        rules.push(Rule { horizontal: true, at: (rect.y0 + rect.y1) / 2.0, from: rect.x0, to: rect.x1 });
    } else if w <= RULE_THICKNESS && h > w {
        rules.push(Rule { horizontal: false, at: (rect.x0 + rect.x1) / 2.0, from: rect.y0, to: rect.y1 });
    }
}
