//! Reading the JSON document with visitors of our own: each knows what it expects and says in
//! Chinese what it found instead; the one for cells is seeded with what to do with text that is
//! not a number, and those of objects with their path in the document, so that an error names
//! it. serde_json supplies the line and column, and for a broken document only its position:
//! the message is made here from the characters there.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::{JsonError, FORMAT_ID};
use crate::model::cells::{CellId, CellKind};
use crate::model::report::{Agency, Level, Report, SourceInfo, Texts};
use crate::model::date::ReportDate;
use crate::model::review::ReviewMark;
use crate::model::value::{parse_year, Amount, CellValue};

pub(super) fn read(text: &str, keep_invalid: bool) -> Result<Report, JsonError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let track = Track::default();
    let at = At { track: &track, path: Path::Root };
    let report = DocumentSeed { keep_invalid, at }.deserialize(&mut de).map_err(|e| {
        let message = match e.classify() {
            serde_json::error::Category::Eof => "文件在此处意外结束：JSON 不完整".to_string(),
            serde_json::error::Category::Syntax => syntax_error(text, e.line(), e.column()),
            // Every data error is one of ours (below), already in Chinese; serde_json appends
            // the position, which JsonError keeps apart.
            _ => {
                let full = e.to_string();
                full.rsplit_once(" at line ").map_or(full.clone(), |(message, _)| message.to_string())
            }
        };
        JsonError { path: track.0.take().unwrap_or_default(), line: e.line(), column: e.column(), message }
    })?;
    de.end().map_err(|e| JsonError {
        path: String::new(),
        line: e.line(),
        column: e.column(),
        message: "JSON 文档结束后还有多余的内容".to_string(),
    })?;
    Ok(report)
}

// ---- Where ----------------------------------------------------------------------------

/// Where a value stands in the document: `cells."s3.new.natural"`, `headings[2]`, `agency.name`.
#[derive(Clone, Copy)]
enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl fmt::Display for Path<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match *self {
            Path::Root => Ok(()),
            Path::Key(parent, key) => {
                write!(f, "{parent}")?;
                if !matches!(parent, Path::Root) {
                    f.write_str(".")?;
                }
                if key.contains('.') {
                    write!(f, "\"{key}\"")
                } else {
                    f.write_str(key)
                }
            }
            Path::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// The path of the first error, noted by the innermost object or array that sees it.
#[derive(Default)]
struct Track(Cell<Option<String>>);

/// An object's or array's path, and the track to note errors in.
#[derive(Clone, Copy)]
struct At<'a> {
    track: &'a Track,
    path: Path<'a>,
}

impl<'a> At<'a> {
    fn key(&'a self, key: &'a str) -> At<'a> {
        At { track: self.track, path: Path::Key(&self.path, key) }
    }

    /// Notes `path` as where the error is, unless a deeper place was noted first.
    fn note<E>(&self, path: Path<'_>, error: E) -> E {
        let noted = self.track.0.take().unwrap_or_else(|| path.to_string());
        self.track.0.set(Some(noted));
        error
    }
}

// ---- What went wrong, in Chinese --------------------------------------------------------

/// What a visitor expects, as its `expecting` says.
struct Expected<'a, V>(&'a V);

impl<'de, V: Visitor<'de>> fmt::Display for Expected<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(f)
    }
}

fn wrong_type<'de, V: Visitor<'de>, E: de::Error>(visitor: &V, found: impl fmt::Display) -> E {
    E::custom(format!("类型不对：应为{}，实际为{found}", Expected(visitor)))
}

/// Implements the listed `visit_*` methods as refusals that name the JSON type found.
macro_rules! refuse {
    ($de:lifetime; $($kind:ident),+) => { $(refuse!(@ $de $kind);)+ };
    (@ $de:lifetime bool) => {
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> { Err(wrong_type(&self, format!("布尔值 {v}"))) }
    };
    (@ $de:lifetime number) => {
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> { Err(wrong_type(&self, format!("数字 {v}"))) }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> { Err(wrong_type(&self, format!("数字 {v}"))) }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> { Err(wrong_type(&self, format!("数字 {v}"))) }
    };
    (@ $de:lifetime str) => {
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> { Err(wrong_type(&self, format!("字符串 \"{v}\""))) }
    };
    (@ $de:lifetime null) => {
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> { Err(wrong_type(&self, "null")) }
    };
    (@ $de:lifetime seq) => {
        fn visit_seq<A: SeqAccess<$de>>(self, _: A) -> Result<Self::Value, A::Error> { Err(wrong_type(&self, "数组")) }
    };
    (@ $de:lifetime map) => {
        fn visit_map<A: MapAccess<$de>>(self, _: A) -> Result<Self::Value, A::Error> { Err(wrong_type(&self, "对象")) }
    };
}

/// A syntax error, described by what stands at its position (serde_json gives the line and
/// the byte column of the offending character).
fn syntax_error(text: &str, line: usize, column: usize) -> String {
    let line_text = text.split('\n').nth(line.saturating_sub(1)).unwrap_or("");
    if column == 0 {
        return "文字（字符串）中不能直接换行：请写作 \\n".to_string();
    }
    let at = column - 1;
    let before = line_text.get(..at).unwrap_or("");
    let found = line_text.get(at..).and_then(|rest| rest.chars().next());
    let previous = before.trim_end().chars().next_back();
    let Some(c) = found else { return "此处不符合 JSON 格式".to_string() };
    match c {
        '“' | '”' | '‘' | '’' => format!("此处的「{c}」是中文引号：JSON 的键和文字须用英文双引号 \" 括起"),
        '，' | '：' | '｛' | '｝' | '［' | '］' => format!("此处的「{c}」是中文标点：JSON 须用英文的 , : {{ }} [ ]"),
        '\'' => "此处用了单引号：JSON 的键和文字须用英文双引号 \" 括起".to_string(),
        '\u{feff}' => "文件开头有字节顺序标记（BOM）：请以不带 BOM 的 UTF-8 保存".to_string(),
        '}' | ']' if previous == Some(',') => format!("「{c}」前多了一个逗号：最后一项之后不能有逗号"),
        '\t' => "文字（字符串）中不能直接含制表符：请写作 \\t".to_string(),
        _ if c.is_control() => "文字（字符串）中不能含控制字符".to_string(),
        _ if before.ends_with('\\') => format!("「\\{c}」不是 JSON 的转义写法：文字中的反斜杠须写作 \\\\"),
        _ if c.is_ascii_digit() || c == '-' || c == '.' => "数字的写法不对或超出范围（JSON 的数字如 12、0.5）".to_string(),
        _ if previous == Some('{') && c != '"' => "键必须是带英文双引号的文字".to_string(),
        _ => {
            // A bare word (「tru」, 「abc」): it ends here or goes on from here.
            let word_before: String = before.chars().rev().take_while(char::is_ascii_alphabetic).collect();
            let word_after: String = line_text[at..].chars().take_while(char::is_ascii_alphabetic).collect();
            let word: String = word_before.chars().rev().chain(word_after.chars()).collect();
            if word.is_empty() {
                format!("此处的「{c}」不符合 JSON 格式")
            } else {
                format!("「{word}」不是 JSON 的值：文字须用英文双引号括起（true、false、null 除外）")
            }
        }
    }
}

// ---- Objects ---------------------------------------------------------------------------

/// A key of an object, checked by `check` while it is read (so that the error's path ends in it).
struct Key<F>(F);

impl<'de, T, F: FnOnce(&str) -> Result<T, String>> DeserializeSeed<'de> for Key<F> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, T, F: FnOnce(&str) -> Result<T, String>> Visitor<'de> for Key<F> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("带引号的键")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        (self.0)(v).map_err(E::custom)
    }
}

/// Reads the object at `at`, whose keys are `keys`, each at most once, handing each value to
/// `value` with the key's index in `keys`.
fn read_object<'de, A: MapAccess<'de>>(
    mut map: A,
    at: At<'_>,
    keys: &'static [&'static str],
    mut value: impl FnMut(usize, &mut A) -> Result<(), A::Error>,
) -> Result<Vec<bool>, A::Error> {
    let mut seen = vec![false; keys.len()];
    loop {
        let key = map.next_key_seed(Key(|key: &str| {
            let problem = match keys.iter().position(|k| *k == key) {
                Some(i) if !seen[i] => return Ok(i),
                Some(_) => format!("键 \"{key}\" 出现了两次"),
                None => format!("未知的键 \"{key}\"（不会被忽略，请删除或更正；此处可用的键：{}）", keys.join("、")),
            };
            Err(at.note(Path::Key(&at.path, key), problem))
        }));
        let Some(index) = key.map_err(|e| at.note(at.path, e))? else { return Ok(seen) };
        seen[index] = true;
        value(index, &mut map).map_err(|e| at.note(Path::Key(&at.path, keys[index]), e))?;
    }
}

// ---- The document ----------------------------------------------------------------------

struct DocumentSeed<'a> {
    keep_invalid: bool,
    at: At<'a>,
}

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_> {
    type Value = Report;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Report, D::Error> {
        d.deserialize_any(self)
    }
}

const DOCUMENT_KEYS: &[&str] = &["format", "year", "date", "agency", "headings", "text", "cells", "source", "reviewed"];

impl<'de> Visitor<'de> for DocumentSeed<'_> {
    type Value = Report;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("报告对象（{\"format\": …}）")
    }

    refuse!('de; bool, number, str, null, seq);

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Report, A::Error> {
        let mut report = Report::empty();
        let at = self.at;
        let seen = read_object(map, at, DOCUMENT_KEYS, |key, map| {
            let at = at.key(DOCUMENT_KEYS[key]);
            match DOCUMENT_KEYS[key] {
                "format" => map.next_value_seed(FormatSeed)?,
                "year" => match map.next_value_seed(YearSeed { keep_invalid: self.keep_invalid })? {
                    Ok(year) => report.year = year,
                    Err(typed) => report.invalid_year = Some(typed),
                },
                "date" => report.date = map.next_value_seed(DateSeed)?,
                "agency" => report.agency = map.next_value_seed(AgencySeed { at })?,
                "headings" => report.headings = map.next_value_seed(HeadingsSeed { at })?,
                "text" => report.text = map.next_value_seed(TextsSeed { at })?,
                "cells" => {
                    for (id, value) in map.next_value_seed(CellsSeed { keep_invalid: self.keep_invalid, at })? {
                        report.set_cell(id, value);
                    }
                }
                "source" => report.source = map.next_value_seed(SourceSeed)?,
                _ => report.reviewed = map.next_value_seed(ReviewedSeed { at })?,
            }
            Ok(())
        })?;
        if !seen[0] {
            return Err(de::Error::custom(format!("缺少必需的键 \"format\"（应为 \"{FORMAT_ID}\"）")));
        }
        Ok(report)
    }
}

/// `format`: exactly [`FORMAT_ID`].
struct FormatSeed;

impl<'de> DeserializeSeed<'de> for FormatSeed {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for FormatSeed {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "字符串 \"{FORMAT_ID}\"")
    }

    refuse!('de; bool, number, null, seq, map);

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        if v == FORMAT_ID {
            Ok(())
        } else {
            Err(E::custom(format!("应为 \"{FORMAT_ID}\"，实际为 \"{v}\"")))
        }
    }
}

/// `year`: a whole number, or `null`; in a draft (`keep_invalid`) also the text typed as the
/// year, read as the page reads it (「２０２４」 → 2024) or kept for V001 (`Err(text)`).
struct YearSeed {
    keep_invalid: bool,
}

impl<'de> DeserializeSeed<'de> for YearSeed {
    type Value = Result<Option<i32>, String>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for YearSeed {
    type Value = Result<Option<i32>, String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("表示年份的整数（如 2024）或 null")
    }

    refuse!('de; bool, seq, map);

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        if self.keep_invalid {
            Ok(parse_year(v))
        } else {
            Err(wrong_type(&self, format!("字符串 \"{v}\"")))
        }
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Ok(None))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        i32::try_from(v).map(|y| Ok(Some(y))).map_err(|_| E::custom(format!("年份 {v} 超出范围")))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        i32::try_from(v).map(|y| Ok(Some(y))).map_err(|_| E::custom(format!("年份 {v} 超出范围")))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Err(wrong_type(&self, format!("数字 {v}")))
    }
}

/// A text field: a JSON string.
struct StringSeed;

impl<'de> DeserializeSeed<'de> for StringSeed {
    type Value = String;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<String, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StringSeed {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("带引号的文字（字符串）")
    }

    refuse!('de; bool, number, null, seq, map);

    fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
        Ok(v.to_string())
    }
}

/// `date`: the 成文日期 as `"2025-01-15"`, or `null`.
struct DateSeed;

impl<'de> DeserializeSeed<'de> for DateSeed {
    type Value = Option<ReportDate>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for DateSeed {
    type Value = Option<ReportDate>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("日期字符串（如 \"2025-01-15\"）或 null")
    }

    refuse!('de; bool, number, seq, map);

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        ReportDate::parse(v).map(Some).ok_or_else(|| E::custom(format!("「{v}」不是有效的日期：应写作 \"2025-01-15\"")))
    }
}

/// `agency`.
struct AgencySeed<'a> {
    at: At<'a>,
}

impl<'de> DeserializeSeed<'de> for AgencySeed<'_> {
    type Value = Agency;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Agency, D::Error> {
        d.deserialize_any(self)
    }
}

const AGENCY_KEYS: &[&str] = &["name", "level", "region", "address", "postcode", "phone", "email"];

impl<'de> Visitor<'de> for AgencySeed<'_> {
    type Value = Agency;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("机关信息对象（{\"name\": …}）")
    }

    refuse!('de; bool, number, str, null, seq);

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Agency, A::Error> {
        let mut agency = Agency::default();
        read_object(map, self.at, AGENCY_KEYS, |key, map| {
            let field = match AGENCY_KEYS[key] {
                "level" => {
                    agency.level = map.next_value_seed(LevelSeed)?;
                    return Ok(());
                }
                "name" => &mut agency.name,
                "region" => &mut agency.region,
                "address" => &mut agency.address,
                "postcode" => &mut agency.postcode,
                "phone" => &mut agency.phone,
                _ => &mut agency.email,
            };
            *field = map.next_value_seed(StringSeed)?;
            Ok(())
        })?;
        Ok(agency)
    }
}

/// `agency.level`: one of the keys of [`Level`], or `null`.
struct LevelSeed;

impl<'de> DeserializeSeed<'de> for LevelSeed {
    type Value = Option<Level>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Level>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for LevelSeed {
    type Value = Option<Level>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("机关层级（如 \"township\"）或 null")
    }

    refuse!('de; bool, number, seq, map);

    fn visit_unit<E: de::Error>(self) -> Result<Option<Level>, E> {
        Ok(None)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Option<Level>, E> {
        Level::from_key(v).map(Some).ok_or_else(|| {
            let keys: Vec<String> = Level::ALL.iter().map(|l| format!("\"{}\"（{}）", l.key(), l.label())).collect();
            E::custom(format!("未知的取值 \"{v}\"，应为以下之一：{}", keys.join("、")))
        })
    }
}

/// `text`.
struct TextsSeed<'a> {
    at: At<'a>,
}

impl<'de> DeserializeSeed<'de> for TextsSeed<'_> {
    type Value = Texts;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Texts, D::Error> {
        d.deserialize_any(self)
    }
}

const TEXT_KEYS: &[&str] = &["preamble", "overview", "problems", "other"];

impl<'de> Visitor<'de> for TextsSeed<'_> {
    type Value = Texts;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("正文对象（{\"overview\": …}）")
    }

    refuse!('de; bool, number, str, null, seq);

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Texts, A::Error> {
        let mut texts = Texts::default();
        read_object(map, self.at, TEXT_KEYS, |key, map| {
            let field = crate::model::TextField::from_key(TEXT_KEYS[key]).expect("the keys of text are the fields");
            *texts.get_mut(field) = map.next_value_seed(StringSeed)?;
            Ok(())
        })?;
        Ok(texts)
    }
}

/// `headings`: an array of strings, or `null`.
struct HeadingsSeed<'a> {
    at: At<'a>,
}

impl<'de> DeserializeSeed<'de> for HeadingsSeed<'_> {
    type Value = Option<Vec<String>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<Vec<String>>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for HeadingsSeed<'_> {
    type Value = Option<Vec<String>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("由标题文字组成的数组或 null")
    }

    refuse!('de; bool, number, str, map);

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut headings = Vec::new();
        loop {
            let at = Path::Index(&self.at.path, headings.len());
            let Some(heading) = seq.next_element_seed(StringSeed).map_err(|e| self.at.note(at, e))? else {
                return Ok(Some(headings));
            };
            headings.push(heading);
        }
    }
}

/// `source`: written by the importers, not by people; read as the importers write it.
struct SourceSeed;

impl<'de> DeserializeSeed<'de> for SourceSeed {
    type Value = Option<SourceInfo>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<SourceInfo>, D::Error> {
        Option::<SourceInfo>::deserialize(d).map_err(|_| {
            de::Error::custom("导入信息（source）不是导入程序写出的样子：它由导入程序填写，请勿手工修改，或删去整个 source")
        })
    }
}

// ---- Reviewed marks --------------------------------------------------------------------

/// `reviewed`: the 「已核实」 marks (see [`ReviewMark`]).
struct ReviewedSeed<'a> {
    at: At<'a>,
}

impl<'de> DeserializeSeed<'de> for ReviewedSeed<'_> {
    type Value = Vec<ReviewMark>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ReviewedSeed<'_> {
    type Value = Vec<ReviewMark>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("由已核实标记（{\"code\": …, \"fingerprint\": …, \"reason\": …}）组成的数组")
    }

    refuse!('de; bool, number, str, null, map);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut marks = Vec::new();
        loop {
            let path = Path::Index(&self.at.path, marks.len());
            let at = At { track: self.at.track, path };
            let Some(mark) = seq.next_element_seed(MarkSeed { at }).map_err(|e| self.at.note(path, e))? else {
                return Ok(marks);
            };
            marks.push(mark);
        }
    }
}

struct MarkSeed<'a> {
    at: At<'a>,
}

impl<'de> DeserializeSeed<'de> for MarkSeed<'_> {
    type Value = ReviewMark;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<ReviewMark, D::Error> {
        d.deserialize_any(self)
    }
}

const MARK_KEYS: &[&str] = &["code", "fingerprint", "reason", "cells", "field", "text"];

impl<'de> Visitor<'de> for MarkSeed<'_> {
    type Value = ReviewMark;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("已核实标记对象（{\"code\": …, \"fingerprint\": …, \"reason\": …}）")
    }

    refuse!('de; bool, number, str, null, seq);

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<ReviewMark, A::Error> {
        let mut mark = ReviewMark::default();
        let seen = read_object(map, self.at, MARK_KEYS, |key, map| {
            match MARK_KEYS[key] {
                "code" => mark.code = map.next_value_seed(StringSeed)?,
                "fingerprint" => mark.fingerprint = map.next_value_seed(StringSeed)?,
                "reason" => mark.reason = map.next_value_seed(StringSeed)?,
                "cells" => mark.cells = map.next_value_seed(StringsSeed)?,
                "field" => mark.field = Some(map.next_value_seed(StringSeed)?),
                _ => mark.text = map.next_value_seed(StringSeed)?,
            }
            Ok(())
        })?;
        if let Some(missing) = MARK_KEYS[..3].iter().zip(&seen).find_map(|(key, seen)| (!seen).then_some(key)) {
            return Err(de::Error::custom(format!("已核实标记缺少必需的键 \"{missing}\"")));
        }
        Ok(mark)
    }
}

/// An array of strings.
struct StringsSeed;

impl<'de> DeserializeSeed<'de> for StringsSeed {
    type Value = Vec<String>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Vec<String>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StringsSeed {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("由文字（字符串）组成的数组")
    }

    refuse!('de; bool, number, str, null, map);

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(StringSeed)? {
            items.push(item);
        }
        Ok(items)
    }
}

// ---- Cells -----------------------------------------------------------------------------

struct CellsSeed<'a> {
    keep_invalid: bool,
    at: At<'a>,
}

impl<'de> DeserializeSeed<'de> for CellsSeed<'_> {
    type Value = Vec<(CellId, CellValue)>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CellsSeed<'_> {
    type Value = Vec<(CellId, CellValue)>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("以单元格编号为键的对象")
    }

    refuse!('de; bool, number, str, null, seq);

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let at = self.at;
        let mut cells: Vec<(CellId, CellValue)> = Vec::new();
        loop {
            let key = map.next_key_seed(Key(|key: &str| {
                let problem = match CellId::parse(key) {
                    Some(id) if !cells.iter().any(|(seen, _)| *seen == id) => return Ok(id),
                    Some(_) => format!("单元格 \"{key}\" 出现了两次"),
                    None => format!("未知的单元格编号 \"{key}\"（见 FORMAT.md 的单元格编号）"),
                };
                Err(at.note(Path::Key(&at.path, key), problem))
            }));
            let Some(id) = key.map_err(|e| at.note(at.path, e))? else { return Ok(cells) };
            let seed = CellSeed { kind: id.kind(), keep_invalid: self.keep_invalid };
            let value = map.next_value_seed(seed).map_err(|e| at.note(Path::Key(&at.path, id.as_str()), e))?;
            cells.push((id, value));
        }
    }
}

/// One cell's value; text that is not a number is an error, or kept for V001 (`keep_invalid`).
struct CellSeed {
    kind: CellKind,
    keep_invalid: bool,
}

impl CellSeed {
    fn expected(&self) -> &'static str {
        match self.kind {
            CellKind::Count => "应为非负整数",
            CellKind::Amount => "应为不超过六位小数的非负金额（万元）",
        }
    }

    fn wrong<E: de::Error>(&self, found: impl fmt::Display) -> E {
        E::custom(format!("{}，实际为 {found}", self.expected()))
    }
}

impl<'de> DeserializeSeed<'de> for CellSeed {
    type Value = CellValue;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<CellValue, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for CellSeed {
    type Value = CellValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(self.expected())
    }

    fn visit_unit<E: de::Error>(self) -> Result<CellValue, E> {
        Ok(CellValue::Missing)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<CellValue, E> {
        Ok(match self.kind {
            CellKind::Count => CellValue::Count(v),
            CellKind::Amount => CellValue::Amount(Amount::from_micros(u128::from(v) * 1_000_000)),
        })
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<CellValue, E> {
        match u64::try_from(v) {
            Ok(v) => self.visit_u64(v),
            Err(_) => Err(self.wrong(v)),
        }
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<CellValue, E> {
        // `{}` prints the shortest text that reads back as the same number: the text written.
        match (self.kind, Amount::parse(&format!("{v}"))) {
            (CellKind::Amount, Some(a)) if v >= 0.0 => Ok(CellValue::Amount(a)),
            _ => Err(self.wrong(v)),
        }
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<CellValue, E> {
        Err(self.wrong(v))
    }

    /// Text is read as a person types it; text that is not a number is refused, or for a draft
    /// kept as typed, so that rule V001 reports it and the draft reads back as saved.
    fn visit_str<E: de::Error>(self, v: &str) -> Result<CellValue, E> {
        match CellValue::parse(v, self.kind) {
            CellValue::Invalid(_) if !self.keep_invalid => Err(self.wrong(format!("\"{v}\""))),
            value => Ok(value),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, _: A) -> Result<CellValue, A::Error> {
        Err(self.wrong("数组"))
    }

    fn visit_map<A: MapAccess<'de>>(self, _: A) -> Result<CellValue, A::Error> {
        Err(self.wrong("对象"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn broken_documents_are_described_by_what_stands_there() {
        let message = |text: &str| read(text, false).unwrap_err().message;
        assert_eq!(message("{\"format\": "), "文件在此处意外结束：JSON 不完整");
        assert_eq!(message(&format!("{{\"format\": \"{FORMAT_ID}\"}} x")), "JSON 文档结束后还有多余的内容");
        assert_eq!(message("{\"year\": 1,}"), "「}」前多了一个逗号：最后一项之后不能有逗号");
        assert_eq!(message("{format: 1}"), "键必须是带英文双引号的文字");
        assert!(message("{'format': 1}").contains("单引号"));
        assert!(message("{“format”: 1}").contains("中文引号"));
        assert!(message("{\"format\"： 1}").contains("中文标点"));
        assert!(message("{\"text\": {\"overview\": \"一\n二\"}}").contains("不能直接换行"));
        assert!(message("{\"text\": {\"overview\": \"\\q\"}}").contains("转义"));
        assert!(message("{\"year\": 1e999}").contains("数字的写法"));
        assert_eq!(message("{\"year\": tru}"), "「tru」不是 JSON 的值：文字须用英文双引号括起（true、false、null 除外）");
        assert!(message("\u{feff}{}").contains("BOM"));
        for broken in ["{", "[", "{\"format\" 1}", "{\"year\": 01}", "\"", "{\"format\": \"x\" \"y\"}", "\u{0}"] {
            let err = read(broken, false).unwrap_err();
            assert!(!err.message.is_empty() && !err.message.is_ascii(), "{broken:?}: {err}");
        }
    }

    #[test]
    fn errors_name_the_path_of_the_value() {
        let doc = |body: &str| format!("{{\"format\": \"{FORMAT_ID}\", {body}}}");
        let error = |body: &str| read(&doc(body), false).unwrap_err();
        let e = error("\"headings\": [\"一、总体情况\", 2]");
        assert_eq!((e.path.as_str(), e.message.as_str()), ("headings[1]", "类型不对：应为带引号的文字（字符串），实际为数字 2"));
        let e = error("\"cells\": {\"s3.new.natural\": 1, \"s3.new.natural\": 2}");
        assert_eq!((e.path.as_str(), e.message.as_str()), ("cells.\"s3.new.natural\"", "单元格 \"s3.new.natural\" 出现了两次"));
        let e = error("\"agency\": {\"name\": \"甲\", \"name\": \"乙\"}");
        assert_eq!((e.path.as_str(), e.message.as_str()), ("agency.name", "键 \"name\" 出现了两次"));
        let e = error("\"text\": {\"overview\": \"一\n二\"}");
        assert_eq!(e.path, "text.overview");
        let e = error("\"text\": {\"overview\": \"一\",}");
        assert_eq!((e.path.as_str(), e.line), ("text", 1));
        let e = error("\"source\": {\"tables\": \"1999\"}");
        assert_eq!(e.path, "source");
        assert!(e.message.starts_with("导入信息（source）"), "{e}");
        let e = error("\"year\": \"2024\"");
        assert_eq!((e.path.as_str(), e.message.as_str()), ("year", "类型不对：应为表示年份的整数（如 2024）或 null，实际为字符串 \"2024\""));
        let e = error("\"agency\": {\"level\": \"village\"}");
        assert_eq!(e.path, "agency.level");
        assert!(e.message.starts_with("未知的取值 \"village\"，应为以下之一：\"state_council_dept\"（国务院部门）、"), "{e}");
        let e = read("{\"format\": \"xxgk-annual-report/2019\"}", false).unwrap_err();
        assert_eq!(e.to_string(), "format: 应为 \"xxgk-annual-report/2021\"，实际为 \"xxgk-annual-report/2019\"（第 1 行第 36 列）");
        assert_eq!(read("[1]", false).unwrap_err().message, "类型不对：应为报告对象（{\"format\": …}），实际为数组");
    }
}
