//! Numbers in prose: Arabic digits (also full-width, with thousands separators) and Chinese
//! numerals (三件, 十二件, 一百零五件, 两件), and counts — a number followed by a unit (件, 条…).

/// A count in the text: `value` followed by a unit, e.g. 「12件」 or 「十二件」.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count {
    /// Byte range of the number and its unit.
    pub start: usize,
    pub end: usize,
    /// Byte offset where the unit begins.
    pub unit_start: usize,
    pub value: u64,
    pub unit: char,
}

/// Units that make a number a count of things.
pub const UNITS: &[char] = &['件', '条', '个', '起', '宗', '份', '次', '项', '篇', '期'];

fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn is_chinese_numeral(c: char) -> bool {
    matches!(c, '零' | '〇' | '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十' | '百' | '千' | '万' | '亿')
}

fn ascii_digit(c: char) -> Option<u64> {
    match c {
        '0'..='9' => Some(c as u64 - '0' as u64),
        '０'..='９' => Some(c as u64 - '０' as u64),
        _ => None,
    }
}

/// The value of a Chinese numeral: 「十二」 → 12, 「一百零五」 → 105, 「两万三千」 → 23000,
/// 「二〇二四」 → 2024 (digit by digit). `None` when it is not a well-formed numeral.
pub fn parse_chinese(s: &str) -> Option<u64> {
    if s.is_empty() {
        return None;
    }
    if !s.contains(['十', '百', '千', '万', '亿']) {
        return s.chars().try_fold(0u64, |acc, c| acc.checked_mul(10)?.checked_add(chinese_digit(c)?));
    }
    let (mut total, mut section, mut digit) = (0u64, 0u64, None::<u64>);
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            digit = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' | '亿' => {
                let big = if c == '万' { 10_000 } else { 100_000_000 };
                section = section.checked_add(digit.take().unwrap_or(0))?;
                total = total.checked_add(section.checked_mul(big)?)?;
                section = 0;
                continue;
            }
            _ => return None,
        };
        // 「十二」: a leading 十 means one ten.
        let d = digit.take().unwrap_or(1);
        section = section.checked_add(d.checked_mul(unit)?)?;
    }
    section = section.checked_add(digit.unwrap_or(0))?;
    total.checked_add(section)
}

/// The number that ends just before byte `end` is not looked at; this reads the number
/// starting at byte `start`, returning its value and end.
fn read_number(text: &str, start: usize) -> Option<(u64, usize)> {
    let rest = &text[start..];
    let first = rest.chars().next()?;
    if ascii_digit(first).is_some() {
        let mut value = 0u64;
        let mut end = start;
        for (i, c) in rest.char_indices() {
            if let Some(d) = ascii_digit(c) {
                value = value.checked_mul(10)?.checked_add(d)?;
                end = start + i + c.len_utf8();
            } else if c == ',' || c == '，' {
                // A thousands separator only when three digits follow (「1,200件」, not 「3，办结」).
                let after = &rest[i + c.len_utf8()..];
                let digits = after.chars().take_while(|c| ascii_digit(*c).is_some()).count();
                if digits != 3 || c == '，' {
                    break;
                }
            } else {
                break;
            }
        }
        return Some((value, end));
    }
    if is_chinese_numeral(first) {
        let len: usize = rest.chars().take_while(|c| is_chinese_numeral(*c)).map(char::len_utf8).sum();
        let value = parse_chinese(&rest[..len])?;
        return Some((value, start + len));
    }
    None
}

/// Every count in the text (a number followed by one of [`UNITS`]), left to right, in one pass.
///
/// Ordinals (「第三件」), parts of words (「统一」 has no unit) and 「一件事」 are not counts.
pub fn counts(text: &str) -> Vec<Count> {
    let mut found = Vec::new();
    scan_counts(text, 0, text.len(), |count| {
        found.push(count);
        true
    });
    found
}

/// The first count that starts in `text[from..to]` (offsets into `text`), if any.
pub fn first_count_between(text: &str, from: usize, to: usize) -> Option<Count> {
    let mut first = None;
    scan_counts(text, from, to, |count| {
        first = Some(count);
        false
    });
    first
}

/// Calls `found` with each count starting in `text[from..to]` until it returns false.
fn scan_counts(text: &str, from: usize, to: usize, mut found: impl FnMut(Count) -> bool) {
    let mut pos = from;
    let mut previous: Option<char> = text[..from].chars().next_back();
    while pos < to {
        let c = text[pos..].chars().next().expect("pos is on a char boundary");
        let starts_number = ascii_digit(c).is_some() || is_chinese_numeral(c);
        let inside_number =
            previous.is_some_and(|p| ascii_digit(p).is_some() || p == '.' || p == '．' || (is_chinese_numeral(p) && is_chinese_numeral(c)));
        if starts_number && !inside_number {
            if let Some((value, end)) = read_number(text, pos) {
                let after = text[end..].trim_start_matches([' ', '\u{3000}']);
                let unit_start = text.len() - after.len();
                if let Some(unit) = after.chars().next().filter(|u| UNITS.contains(u)) {
                    let ordinal = previous == Some('第');
                    let is_chinese = ascii_digit(c).is_none();
                    // 「一件事」 (高效办成一件事) and 「零件」 are words, not counts.
                    let idiom = is_chinese
                        && ((unit == '件' && after[unit.len_utf8()..].starts_with('事')) || text[pos..end] == *"零");
                    if !ordinal && !idiom {
                        let unit_end = unit_start + unit.len_utf8();
                        if !found(Count { start: pos, end: unit_end, unit_start, value, unit }) {
                            return;
                        }
                    }
                }
                previous = text[..end].chars().next_back();
                pos = end;
                continue;
            }
        }
        previous = Some(c);
        pos += c.len_utf8();
    }
}

/// The first count in `text[from..to]`, if any (offsets into `text`).
pub fn first_count_in(all: &[Count], from: usize, to: usize) -> Option<Count> {
    let i = all.partition_point(|c| c.start < from);
    all.get(i).copied().filter(|c| c.end <= to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_chinese_numerals() {
        for (s, v) in [
            ("三", 3),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("一百零五", 105),
            ("一百一十", 110),
            ("两千零二十四", 2024),
            ("三万五千", 35000),
            ("二〇二四", 2024),
            ("零", 0),
        ] {
            assert_eq!(parse_chinese(s), Some(v), "{s}");
        }
        assert_eq!(parse_chinese(""), None);
    }

    #[test]
    fn finds_counts_with_their_units() {
        let text = "共收到申请十二件，办结3件、1,200条，第三件不算，高效办成一件事，2024年无。零件，0件";
        let values: Vec<(u64, char)> = counts(text).iter().map(|c| (c.value, c.unit)).collect();
        assert_eq!(values, vec![(12, '件'), (3, '件'), (1200, '条'), (0, '件')]);
        let c = counts(text)[0];
        assert_eq!(&text[c.start..c.end], "十二件");
        assert!(counts("统一部署，三审制度").is_empty());
        assert!(counts("12.5件").is_empty(), "a decimal is no count");
    }
}
