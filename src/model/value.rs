//! The value of one cell, and how text typed or imported becomes one.

use std::fmt;

use super::cells::CellKind;

/// What a cell holds. "Not filled" ([`CellValue::Missing`], [`CellValue::Blank`]) is not 0.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum CellValue {
    /// Nothing at all: an empty input, a `null` or absent key in JSON.
    #[default]
    Missing,
    /// A placeholder for "nothing": `/`, `—`, `-`, `无` (the raw text is kept for messages).
    Blank(String),
    /// A whole number of items.
    Count(u64),
    /// An amount in 万元 (the fee of section 二).
    Amount(Amount),
    /// Text that is not a valid value for the cell (kept verbatim for the message).
    Invalid(String),
}

impl CellValue {
    pub fn count(&self) -> Option<u64> {
        match self {
            CellValue::Count(n) => Some(*n),
            _ => None,
        }
    }

    pub fn is_filled(&self) -> bool {
        !matches!(self, CellValue::Missing | CellValue::Blank(_))
    }

    /// Parses what a person typed (or an importer found) into the value of a cell of `kind`.
    ///
    /// Accepts full-width digits, thousands separators, spaces and a trailing unit (件, 万元).
    pub fn parse(raw: &str, kind: CellKind) -> CellValue {
        let text = normalise(raw);
        if text.is_empty() {
            return CellValue::Missing;
        }
        if is_blank_marker(&text) {
            return CellValue::Blank(raw.trim().to_string());
        }
        match kind {
            CellKind::Count => match parse_count(&text) {
                Some(n) => CellValue::Count(n),
                None => CellValue::Invalid(raw.trim().to_string()),
            },
            CellKind::Amount => match Amount::parse(&text) {
                Some(a) => CellValue::Amount(a),
                None => CellValue::Invalid(raw.trim().to_string()),
            },
        }
    }

    /// The text a form shows for this value.
    pub fn display(&self) -> String {
        match self {
            CellValue::Missing => String::new(),
            CellValue::Blank(raw) | CellValue::Invalid(raw) => raw.clone(),
            CellValue::Count(n) => n.to_string(),
            CellValue::Amount(a) => a.to_string(),
        }
    }
}

/// Markers people write for "nothing here". They are not 0: the format wants 0 written as 0.
pub const BLANK_MARKERS: [&str; 8] = ["/", "-", "—", "——", "无", "\\", "…", "空"];

fn is_blank_marker(text: &str) -> bool {
    BLANK_MARKERS.contains(&text)
}

/// Folds full-width forms to ASCII, drops spaces and a trailing unit.
fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        let c = match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '，' => ',',
            '／' => '/',
            '－' | '−' | '–' => '-',
            '　' | '\u{a0}' => ' ',
            _ => c,
        };
        if !c.is_whitespace() {
            out.push(c);
        }
    }
    for unit in ["万元", "件", "个", "条", "次", "项"] {
        if let Some(stripped) = out.strip_suffix(unit) {
            if !stripped.is_empty() {
                return stripped.to_string();
            }
        }
    }
    out
}

/// Digits, with optional thousands separators in the right places (`1,234,567`), and a
/// fraction of zeros (`3.0`, as a spreadsheet may write a count).
fn parse_count(text: &str) -> Option<u64> {
    let digits = strip_thousands(whole_number(text)?)?;
    digits.parse().ok()
}

/// `3.00` → `3`; `3.5` and `3.` are not whole numbers.
fn whole_number(text: &str) -> Option<&str> {
    match text.split_once('.') {
        None => Some(text),
        Some((int, frac)) => (!int.is_empty() && !frac.is_empty() && frac.bytes().all(|b| b == b'0')).then_some(int),
    }
}

/// Why text is not a valid value for a cell, for the message of rule V001.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InvalidReason {
    /// Digits only, but more than a count can hold (above 18446744073709551615, 20 digits).
    TooLarge,
    /// Anything else: words, a sign, a fraction.
    NotANumber,
}

impl InvalidReason {
    /// Why `raw` (the text kept in [`CellValue::Invalid`]) is not a value of a cell of `kind`.
    pub fn of(raw: &str, kind: CellKind) -> InvalidReason {
        let text = normalise(raw);
        let digits = match kind {
            CellKind::Count => whole_number(&text).and_then(strip_thousands),
            CellKind::Amount => None,
        };
        match digits {
            Some(d) if !d.is_empty() && d.parse::<u64>().is_err() => InvalidReason::TooLarge,
            _ => InvalidReason::NotANumber,
        }
    }
}

/// The first year a report can be for: the regulations (《中华人民共和国政府信息公开条例》) took
/// effect on 1 May 2008.
pub const FIRST_REPORT_YEAR: i32 = 2008;

/// Reads a year as people type it: 「2024」, 「２０２４」, 「2024年」, 「2024年度」, 「“2024”」.
/// Empty text is no year (`Ok(None)`); anything but four digits is refused with the text as
/// typed (trimmed), for the message of rule V001.
pub fn parse_year(raw: &str) -> Result<Option<i32>, String> {
    let mut text = normalise(raw);
    for quote in [('「', '」'), ('“', '”'), ('"', '"'), ('『', '』')] {
        if let Some(inner) = text.strip_prefix(quote.0).and_then(|t| t.strip_suffix(quote.1)) {
            text = inner.to_string();
        }
    }
    let text = text.strip_suffix("年度").or_else(|| text.strip_suffix('年')).unwrap_or(&text);
    if text.is_empty() && raw.trim().is_empty() {
        return Ok(None);
    }
    match text.parse::<i32>() {
        Ok(year) if text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()) => Ok(Some(year)),
        _ => Err(raw.trim().to_string()),
    }
}

fn strip_thousands(text: &str) -> Option<String> {
    if !text.contains(',') {
        return text.bytes().all(|b| b.is_ascii_digit()).then(|| text.to_string());
    }
    let groups: Vec<&str> = text.split(',').collect();
    let first_ok = (1..=3).contains(&groups[0].len());
    let rest_ok = groups[1..].iter().all(|g| g.len() == 3);
    let all_digits = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    (first_ok && rest_ok && all_digits).then(|| groups.concat())
}

/// An exact, non-negative amount of 万元 with at most six decimals (one fen is 0.000001 万元).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Amount {
    /// The amount in millionths of 万元 (that is, in fen).
    micros: u128,
}

impl Amount {
    pub const DECIMALS: u32 = 6;
    const SCALE: u128 = 1_000_000;

    pub fn from_micros(micros: u128) -> Amount {
        Amount { micros }
    }

    pub fn micros(self) -> u128 {
        self.micros
    }

    /// Parses `24252.311082`, `1,234.5`, `0`. More than six decimals is not an amount.
    pub fn parse(text: &str) -> Option<Amount> {
        let (int_part, frac_part) = match text.split_once('.') {
            Some((i, f)) => (i, f),
            None => (text, ""),
        };
        let int_digits = if int_part.is_empty() && !frac_part.is_empty() {
            "0".to_string()
        } else {
            strip_thousands(int_part)?
        };
        if int_digits.is_empty()
            || frac_part.len() > Self::DECIMALS as usize
            || !frac_part.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        let whole: u128 = int_digits.parse().ok()?;
        let mut frac: u128 = if frac_part.is_empty() { 0 } else { frac_part.parse().ok()? };
        frac *= 10u128.pow(Self::DECIMALS - frac_part.len() as u32);
        whole.checked_mul(Self::SCALE)?.checked_add(frac).map(Amount::from_micros)
    }

    pub fn whole_part(self) -> u128 {
        self.micros / Self::SCALE
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.micros / Self::SCALE;
        let frac = self.micros % Self::SCALE;
        if frac == 0 {
            return write!(f, "{whole}");
        }
        let digits = format!("{frac:06}");
        write!(f, "{whole}.{}", digits.trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(raw: &str) -> CellValue {
        CellValue::parse(raw, CellKind::Count)
    }

    #[test]
    fn counts_as_people_type_them() {
        assert_eq!(count("12"), CellValue::Count(12));
        assert_eq!(count("１２件"), CellValue::Count(12));
        assert_eq!(count(" 1,234 "), CellValue::Count(1234));
        assert_eq!(count("1，234，567"), CellValue::Count(1_234_567));
        assert_eq!(count("０"), CellValue::Count(0));
        assert_eq!(count(""), CellValue::Missing);
        assert_eq!(count("  "), CellValue::Missing);
        assert_eq!(count("/"), CellValue::Blank("/".into()));
        assert_eq!(count("—"), CellValue::Blank("—".into()));
        assert_eq!(count("无"), CellValue::Blank("无".into()));
        assert_eq!(count("abc"), CellValue::Invalid("abc".into()));
        assert_eq!(count("三"), CellValue::Invalid("三".into()));
        assert_eq!(count("-3"), CellValue::Invalid("-3".into()));
        assert_eq!(count("1.5"), CellValue::Invalid("1.5".into()));
        assert_eq!(count("12,34"), CellValue::Invalid("12,34".into()));
        assert_eq!(count("件"), CellValue::Invalid("件".into()));
        assert_eq!(count("99999999999999999999999"), CellValue::Invalid("99999999999999999999999".into()));
        assert_eq!(count("３.０"), CellValue::Count(3));
        assert_eq!(count("12.00件"), CellValue::Count(12));
        assert_eq!(count("3."), CellValue::Invalid("3.".into()));
        assert_eq!(count(".0"), CellValue::Invalid(".0".into()));
    }

    #[test]
    fn says_why_text_is_not_a_value() {
        assert_eq!(InvalidReason::of("99999999999999999999", CellKind::Count), InvalidReason::TooLarge);
        assert_eq!(InvalidReason::of("９９,９９９,９９９,９９９,９９９,９９９,９９９件", CellKind::Count), InvalidReason::TooLarge);
        assert_eq!(count("18446744073709551615"), CellValue::Count(u64::MAX));
        assert_eq!(InvalidReason::of("18446744073709551616", CellKind::Count), InvalidReason::TooLarge);
        assert_eq!(InvalidReason::of("三", CellKind::Count), InvalidReason::NotANumber);
        assert_eq!(InvalidReason::of("-3", CellKind::Count), InvalidReason::NotANumber);
        assert_eq!(InvalidReason::of("1.5", CellKind::Count), InvalidReason::NotANumber);
    }

    #[test]
    fn years_as_people_type_them() {
        assert_eq!(parse_year("2024"), Ok(Some(2024)));
        assert_eq!(parse_year("２０２４"), Ok(Some(2024)));
        assert_eq!(parse_year(" 2024年 "), Ok(Some(2024)));
        assert_eq!(parse_year("２０２４年度"), Ok(Some(2024)));
        assert_eq!(parse_year("「２０２４」"), Ok(Some(2024)));
        assert_eq!(parse_year(""), Ok(None));
        assert_eq!(parse_year("  "), Ok(None));
        assert_eq!(parse_year("20245"), Err("20245".into()));
        assert_eq!(parse_year("二〇二四"), Err("二〇二四".into()));
        assert_eq!(parse_year("年"), Err("年".into()));
        assert_eq!(parse_year("-202"), Err("-202".into()));
    }

    #[test]
    fn amounts_are_exact() {
        let a = Amount::parse("24252.311082").unwrap();
        assert_eq!(a.micros(), 24_252_311_082);
        assert_eq!(a.to_string(), "24252.311082");
        assert_eq!(Amount::parse("0").unwrap().to_string(), "0");
        assert_eq!(Amount::parse("1.50").unwrap().to_string(), "1.5");
        assert_eq!(Amount::parse(".5").unwrap().to_string(), "0.5");
        assert_eq!(Amount::parse("1.0000001"), None);
        assert_eq!(Amount::parse("1."), Some(Amount::from_micros(1_000_000)));
        assert_eq!(CellValue::parse("３.２万元", CellKind::Amount), CellValue::Amount(Amount::from_micros(3_200_000)));
        assert_eq!(CellValue::parse("abc", CellKind::Amount), CellValue::Invalid("abc".into()));
    }
}
