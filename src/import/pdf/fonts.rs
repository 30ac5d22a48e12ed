//! What text extraction needs of a PDF font: how a string splits into character codes, the
//! Unicode text of each code, its advance width, and whether the font writes vertically.
//!
//! Covered: composite (Type0) fonts with Identity-H/-V or the Unicode CMaps (UniGB-UCS2 …),
//! their CID widths (`W`, `DW`), simple fonts (TrueType, Type1, as LibreOffice writes CJK
//! subsets) with `Widths`; the text comes from the `ToUnicode` CMap, else from the simple
//! encodings (WinAnsi, Standard) and `Differences` with the glyph names text actually uses.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

/// Largest ToUnicode or encoding CMap read (real ones are a few KB to a few hundred KB).
const MAX_CMAP_BYTES: usize = 4 << 20;
/// Most entries taken from one `W` array or one CMap (a CJK font has a few thousand).
const MAX_ENTRIES: usize = 100_000;

/// One character code of a shown string.
#[derive(Debug, Clone, PartialEq)]
pub struct Code {
    pub text: String,
    /// Advance in thousandths of the font size, along the writing direction ([`Font::vertical`]).
    pub advance: f64,
    /// Horizontal extent of the glyph, in thousandths of the font size.
    pub width: f64,
    /// True for the single-byte code 32, to which `Tw` applies.
    pub is_space_code: bool,
}

#[derive(Debug, Default)]
pub struct Font {
    /// Bytes per code: 1 (simple fonts), 2 (composite fonts), or from a codespace.
    codespace: Vec<(u32, u32, u8)>,
    composite: bool,
    pub vertical: bool,
    to_unicode: Option<UnicodeMap>,
    /// For simple fonts without a usable ToUnicode: code → text.
    simple: Option<Box<[Option<char>; 256]>>,
    /// The code itself is UTF-16 (UniGB-UCS2-H and the like).
    utf16_codes: bool,
    first_char: u32,
    widths: Vec<f64>,
    cid_widths: Vec<(u32, u32, f64)>,
    default_width: f64,
    /// Vertical advance (negative: downward), in thousandths.
    vertical_advance: f64,
}

impl Font {
    /// Reads a font dictionary. Never fails: what cannot be read gives no text for its codes.
    pub fn load(doc: &Document, dict: &Dictionary) -> Font {
        let subtype = dict.get(b"Subtype").and_then(Object::as_name).unwrap_or(b"");
        let mut font = Font { default_width: 1000.0, vertical_advance: -1000.0, ..Font::default() };
        if let Some(stream) = deref(doc, dict.get(b"ToUnicode").ok()).and_then(|o| o.as_stream().ok()) {
            if let Ok(bytes) = stream.get_plain_content_with_limit(MAX_CMAP_BYTES) {
                font.to_unicode = Some(UnicodeMap::parse(&bytes));
            }
        }
        if subtype == b"Type0" {
            font.composite = true;
            font.load_composite(doc, dict);
        } else {
            font.load_simple(doc, dict);
        }
        font
    }

    fn load_composite(&mut self, doc: &Document, dict: &Dictionary) {
        match deref(doc, dict.get(b"Encoding").ok()) {
            Some(Object::Name(name)) => {
                self.vertical = name.ends_with(b"-V");
                self.utf16_codes = name.starts_with(b"Uni") && (name.windows(4).any(|w| w == b"UCS2") || name.windows(5).any(|w| w == b"UTF16"));
                self.codespace = vec![(0, 0xFFFF, 2)];
            }
            Some(Object::Stream(stream)) => {
                self.vertical = stream.dict.get(b"WMode").and_then(Object::as_i64).unwrap_or(0) == 1;
                if let Ok(bytes) = stream.get_plain_content_with_limit(MAX_CMAP_BYTES) {
                    self.codespace = UnicodeMap::parse(&bytes).codespace;
                }
            }
            _ => {}
        }
        if self.codespace.is_empty() {
            self.codespace = self.to_unicode.as_ref().map(|m| m.codespace.clone()).filter(|c| !c.is_empty()).unwrap_or_else(|| vec![(0, 0xFFFF, 2)]);
        }
        let descendant = deref(doc, dict.get(b"DescendantFonts").ok())
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, Some(o)))
            .and_then(|o| o.as_dict().ok());
        let Some(cid_font) = descendant else { return };
        if let Some(dw) = deref(doc, cid_font.get(b"DW").ok()).and_then(|o| o.as_float().ok()) {
            self.default_width = f64::from(dw);
        }
        if let Some(dw2) = deref(doc, cid_font.get(b"DW2").ok()).and_then(|o| o.as_array().ok()) {
            if let Some(advance) = dw2.get(1).and_then(|o| o.as_float().ok()) {
                self.vertical_advance = f64::from(advance);
            }
        }
        if let Some(w) = deref(doc, cid_font.get(b"W").ok()).and_then(|o| o.as_array().ok()) {
            self.cid_widths = cid_widths(doc, w);
            self.cid_widths.sort_by_key(|r| r.0);
        }
    }

    fn load_simple(&mut self, doc: &Document, dict: &Dictionary) {
        self.codespace = vec![(0, 0xFF, 1)];
        self.default_width = 500.0;
        if let Some(descriptor) = deref(doc, dict.get(b"FontDescriptor").ok()).and_then(|o| o.as_dict().ok()) {
            if let Some(missing) = deref(doc, descriptor.get(b"MissingWidth").ok()).and_then(|o| o.as_float().ok()) {
                self.default_width = f64::from(missing);
            }
        }
        self.first_char = deref(doc, dict.get(b"FirstChar").ok()).and_then(|o| o.as_i64().ok()).unwrap_or(0).clamp(0, 255) as u32;
        if let Some(widths) = deref(doc, dict.get(b"Widths").ok()).and_then(|o| o.as_array().ok()) {
            self.widths = widths.iter().take(256).map(|w| deref(doc, Some(w)).and_then(|o| o.as_float().ok()).map_or(0.0, f64::from)).collect();
        }
        let mut table: Box<[Option<char>; 256]> = Box::new([None; 256]);
        let (base, differences) = match deref(doc, dict.get(b"Encoding").ok()) {
            Some(Object::Name(name)) => (name.as_slice(), None),
            Some(Object::Dictionary(encoding)) => (
                deref(doc, encoding.get(b"BaseEncoding").ok()).and_then(|o| o.as_name().ok()).unwrap_or(b"StandardEncoding"),
                deref(doc, encoding.get(b"Differences").ok()).and_then(|o| o.as_array().ok()),
            ),
            _ => (&b"StandardEncoding"[..], None),
        };
        for (code, slot) in table.iter_mut().enumerate() {
            *slot = base_encoding(base, code as u8);
        }
        if let Some(differences) = differences {
            let mut code = 0usize;
            for item in differences.iter().take(MAX_ENTRIES) {
                match item {
                    Object::Integer(c) => code = (*c).clamp(0, 255) as usize,
                    Object::Name(name) => {
                        if code < 256 {
                            table[code] = glyph_name(name);
                        }
                        code += 1;
                    }
                    _ => {}
                }
            }
        }
        self.simple = Some(table);
    }

    /// Splits a shown string into its codes, each with its text and width.
    pub fn codes(&self, bytes: &[u8], out: &mut Vec<Code>) {
        let mut i = 0;
        while i < bytes.len() {
            let length = self.code_length(&bytes[i..]);
            let end = (i + length).min(bytes.len());
            let code = bytes[i..end].iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
            let code_len = (end - i) as u8;
            let width = self.width(code);
            let advance = if self.vertical { -self.vertical_advance } else { width };
            out.push(Code { text: self.text(code, code_len), advance, width, is_space_code: code_len == 1 && code == 32 });
            i = end;
        }
    }

    fn code_length(&self, rest: &[u8]) -> usize {
        for length in 1..=4u8 {
            if usize::from(length) > rest.len() {
                break;
            }
            let code = rest[..usize::from(length)].iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
            if self.codespace.iter().any(|&(lo, hi, len)| len == length && in_codespace(code, lo, hi, len)) {
                return usize::from(length);
            }
        }
        // A code outside every range: take the shortest length the font uses.
        usize::from(self.codespace.iter().map(|c| c.2).min().unwrap_or(1).max(1))
    }

    fn text(&self, code: u32, code_len: u8) -> String {
        if let Some(text) = self.to_unicode.as_ref().and_then(|m| m.get(code, code_len)) {
            return text;
        }
        if let Some(table) = &self.simple {
            return table[(code & 0xFF) as usize].map(String::from).unwrap_or_default();
        }
        if self.utf16_codes {
            return char::from_u32(code).map(String::from).unwrap_or_default();
        }
        String::new()
    }

    fn width(&self, code: u32) -> f64 {
        if self.composite {
            return find_range(&self.cid_widths, code, |r| (r.0, r.1)).map_or(self.default_width, |w| w.2);
        }
        code.checked_sub(self.first_char)
            .and_then(|i| self.widths.get(i as usize))
            .copied()
            .filter(|w| *w > 0.0)
            .unwrap_or(self.default_width)
    }
}

fn in_codespace(code: u32, lo: u32, hi: u32, len: u8) -> bool {
    // Codespace bounds apply to each byte on its own (ISO 32000-1, 9.7.6.2).
    (0..u32::from(len)).all(|i| {
        let shift = 8 * i;
        let byte = (code >> shift) & 0xFF;
        (lo >> shift) & 0xFF <= byte && byte <= (hi >> shift) & 0xFF
    })
}

fn deref<'a>(doc: &'a Document, object: Option<&'a Object>) -> Option<&'a Object> {
    doc.dereference(object?).ok().map(|(_, o)| o)
}

/// `W`: `c [w1 w2 …]` or `c_first c_last w`.
fn cid_widths(doc: &Document, w: &[Object]) -> Vec<(u32, u32, f64)> {
    let number = |o: &Object| deref(doc, Some(o)).and_then(|o| o.as_float().ok()).map(f64::from);
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < w.len() && out.len() < MAX_ENTRIES {
        let Some(first) = number(&w[i]) else { break };
        let first = first.max(0.0) as u32;
        match deref(doc, Some(&w[i + 1])) {
            Some(Object::Array(list)) => {
                for (k, width) in list.iter().take(MAX_ENTRIES).enumerate() {
                    if let Some(width) = number(width) {
                        let cid = first.saturating_add(k as u32);
                        out.push((cid, cid, width));
                    }
                }
                i += 2;
            }
            Some(_) if i + 2 < w.len() => {
                if let (Some(last), Some(width)) = (number(&w[i + 1]), number(&w[i + 2])) {
                    out.push((first, last.max(0.0) as u32, width));
                }
                i += 3;
            }
            _ => break,
        }
    }
    out
}

/// A ToUnicode CMap (or the codespace of an encoding CMap).
#[derive(Debug, Default)]
struct UnicodeMap {
    codespace: Vec<(u32, u32, u8)>,
    chars: HashMap<(u32, u8), String>,
    /// `lo hi len` → text of `lo`, the last UTF-16 unit counting up; or one text per code.
    ranges: Vec<(u32, u32, u8, RangeTarget)>,
}

#[derive(Debug)]
enum RangeTarget {
    Start(Vec<u16>),
    List(Vec<String>),
}

impl UnicodeMap {
    /// Reads the `codespacerange`, `bfchar` and `bfrange` sections; the rest of the
    /// PostScript around them is skipped. A damaged CMap gives what was read before the damage.
    fn parse(bytes: &[u8]) -> UnicodeMap {
        let mut map = UnicodeMap::default();
        let mut entries = 0usize;
        for operation in Content::decode_iter(bytes) {
            let Ok(operation) = operation else { break };
            let operands = &operation.operands;
            entries += operands.len();
            if entries > MAX_ENTRIES * 3 {
                break;
            }
            match operation.operator.as_str() {
                "endcodespacerange" => {
                    for pair in operands.chunks_exact(2) {
                        if let (Some((lo, len)), Some((hi, _))) = (hex_code(&pair[0]), hex_code(&pair[1])) {
                            map.codespace.push((lo, hi, len));
                        }
                    }
                }
                "endbfchar" => {
                    for pair in operands.chunks_exact(2) {
                        if let (Some((code, len)), Ok(target)) = (hex_code(&pair[0]), pair[1].as_str()) {
                            map.chars.insert((code, len), utf16_text(&utf16_units(target)));
                        }
                    }
                }
                "endbfrange" => {
                    for triple in operands.chunks_exact(3) {
                        let (Some((lo, len)), Some((hi, _))) = (hex_code(&triple[0]), hex_code(&triple[1])) else { continue };
                        if hi < lo {
                            continue;
                        }
                        let target = match &triple[2] {
                            Object::String(s, _) => RangeTarget::Start(utf16_units(s)),
                            Object::Array(list) => RangeTarget::List(
                                list.iter().take(MAX_ENTRIES).map(|o| o.as_str().map(|s| utf16_text(&utf16_units(s))).unwrap_or_default()).collect(),
                            ),
                            _ => continue,
                        };
                        map.ranges.push((lo, hi, len, target));
                    }
                }
                _ => {}
            }
        }
        map.ranges.sort_by_key(|r| r.0);
        map
    }

    fn get(&self, code: u32, len: u8) -> Option<String> {
        if let Some(text) = self.chars.get(&(code, len)) {
            return Some(text.clone());
        }
        let (lo, _, _, target) = find_range(&self.ranges, code, |r| (r.0, r.1)).filter(|r| r.2 == len)?;
        let offset = code - lo;
        Some(match target {
            RangeTarget::Start(units) => {
                let mut units = units.clone();
                if let Some(last) = units.last_mut() {
                    *last = last.wrapping_add(offset as u16);
                }
                utf16_text(&units)
            }
            RangeTarget::List(list) => list.get(offset as usize).cloned().unwrap_or_default(),
        })
    }
}

/// The range holding `code` in a list sorted by its first code (ranges do not overlap).
fn find_range<T>(sorted: &[T], code: u32, bounds: impl Fn(&T) -> (u32, u32)) -> Option<&T> {
    let after = sorted.partition_point(|r| bounds(r).0 <= code);
    let candidate = sorted.get(after.checked_sub(1)?)?;
    (bounds(candidate).1 >= code).then_some(candidate)
}

fn hex_code(object: &Object) -> Option<(u32, u8)> {
    let bytes = object.as_str().ok()?;
    if bytes.is_empty() || bytes.len() > 4 {
        return None;
    }
    Some((bytes.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)), bytes.len() as u8))
}

fn utf16_units(bytes: &[u8]) -> Vec<u16> {
    bytes.chunks(2).map(|c| if c.len() == 2 { u16::from_be_bytes([c[0], c[1]]) } else { u16::from(c[0]) }).collect()
}

fn utf16_text(units: &[u16]) -> String {
    char::decode_utf16(units.iter().copied()).filter_map(Result::ok).collect()
}

/// The simple base encodings, as far as report text uses them: ASCII, and WinAnsi's upper half.
fn base_encoding(name: &[u8], code: u8) -> Option<char> {
    const WIN_ANSI_80: [u16; 32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018,
        0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ];
    match code {
        0x20..=0x7E => {
            if name == b"StandardEncoding" {
                match code {
                    0x27 => return Some('\u{2019}'),
                    0x60 => return Some('\u{2018}'),
                    _ => {}
                }
            }
            Some(char::from(code))
        }
        0x80..=0x9F if name == b"WinAnsiEncoding" => char::from_u32(u32::from(WIN_ANSI_80[usize::from(code - 0x80)])).filter(|c| *c != '\0'),
        0xA0..=0xFF if name == b"WinAnsiEncoding" => Some(char::from(code)),
        _ => None,
    }
}

/// A glyph name of `Differences`: `uniXXXX`, `uXXXX`, or one of the names of ASCII.
fn glyph_name(name: &[u8]) -> Option<char> {
    let name = std::str::from_utf8(name).ok()?;
    let name = name.split('.').next().unwrap_or(name);
    if let Some(hex) = name.strip_prefix("uni").filter(|h| h.len() == 4).or_else(|| name.strip_prefix('u').filter(|h| (4..=6).contains(&h.len()))) {
        return u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
    }
    if name.len() == 1 && name.as_bytes()[0].is_ascii_alphabetic() {
        return name.chars().next();
    }
    const DIGITS: [&str; 10] = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
    if let Some(d) = DIGITS.iter().position(|d| *d == name) {
        return char::from_digit(d as u32, 10);
    }
    const NAMES: [(&str, char); 33] = [
        ("space", ' '), ("exclam", '!'), ("quotedbl", '"'), ("numbersign", '#'), ("dollar", '$'), ("percent", '%'),
        ("ampersand", '&'), ("quotesingle", '\''), ("parenleft", '('), ("parenright", ')'), ("asterisk", '*'), ("plus", '+'),
        ("comma", ','), ("hyphen", '-'), ("period", '.'), ("slash", '/'), ("colon", ':'), ("semicolon", ';'), ("less", '<'),
        ("equal", '='), ("greater", '>'), ("question", '?'), ("at", '@'), ("bracketleft", '['), ("backslash", '\\'),
        ("bracketright", ']'), ("underscore", '_'), ("braceleft", '{'), ("bar", '|'), ("braceright", '}'),
        ("endash", '–'), ("emdash", '—'), ("bullet", '•'),
    ];
    NAMES.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tounicode_cmap_with_chars_ranges_and_arrays() {
        let cmap = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CIDSystemInfo<< /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName/Adobe-Identity-UCS def /CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n2 beginbfchar\n<0003> <0020>\n<04bc> <5E74>\nendbfchar\n2 beginbfrange\n<0010> <0012> <0030>\n<0020> <0021> [<6C11> <D83DDE00>]\nendbfrange\nendcmap CMapName currentdict /CMap defineresource pop end end";
        let map = UnicodeMap::parse(cmap);
        assert_eq!(map.codespace, vec![(0, 0xFFFF, 2)]);
        assert_eq!(map.get(0x04bc, 2).as_deref(), Some("年"));
        assert_eq!(map.get(0x0011, 2).as_deref(), Some("1"));
        assert_eq!(map.get(0x0021, 2).as_deref(), Some("😀"));
        assert_eq!(map.get(0x0013, 2), None);
        assert_eq!(map.get(0x04bc, 1), None);
    }

    #[test]
    fn glyph_names_and_base_encodings() {
        assert_eq!(glyph_name(b"uni5E74"), Some('年'));
        assert_eq!(glyph_name(b"seven"), Some('7'));
        assert_eq!(glyph_name(b"a.sc"), Some('a'));
        assert_eq!(glyph_name(b"g123"), None);
        assert_eq!(base_encoding(b"WinAnsiEncoding", 0x93), Some('“'));
        assert_eq!(base_encoding(b"StandardEncoding", b'A'), Some('A'));
    }
}
