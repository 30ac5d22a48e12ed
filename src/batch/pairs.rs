//! Pairing each report with last year's report of the same agency within one batch.

use std::collections::HashMap;

use serde::Serialize;

use super::agency;
use crate::model::Report;

/// What pairing needs to know of one report of the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The normalised agency name ([`agency::key`]).
    pub agency_key: String,
    pub year: Option<i32>,
}

impl Entry {
    pub fn new(agency_name: &str, year: Option<i32>) -> Entry {
        Entry { agency_key: agency::key(agency_name), year }
    }
}

/// Two reports of one agency in consecutive years, by their index in the batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Pair {
    pub previous: usize,
    pub current: usize,
}

/// What pairing found: the pairs, and the reports of one agency and year given more than once
/// (they are not paired: which of them is the real one is for a person to say).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Pairing {
    pub pairs: Vec<Pair>,
    /// Indices of reports sharing agency and year, one group per agency and year.
    pub duplicates: Vec<Vec<usize>>,
}

/// Pairs every report with the report of the same agency for the year before, in the order of
/// the current reports. Reports without an agency name or a year are never paired.
pub fn pair(entries: &[Entry]) -> Pairing {
    let mut by_key: HashMap<(&str, i32), Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if let (false, Some(year)) = (e.agency_key.is_empty(), e.year) {
            by_key.entry((e.agency_key.as_str(), year)).or_default().push(i);
        }
    }
    let mut pairing = Pairing::default();
    for (i, e) in entries.iter().enumerate() {
        let Some(year) = e.year.filter(|_| !e.agency_key.is_empty()) else { continue };
        let same = &by_key[&(e.agency_key.as_str(), year)];
        if same.len() > 1 {
            if same[0] == i {
                pairing.duplicates.push(same.clone());
            }
            continue;
        }
        if let Some([previous]) = by_key.get(&(e.agency_key.as_str(), year - 1)).map(Vec::as_slice) {
            pairing.pairs.push(Pair { previous: *previous, current: i });
        }
    }
    pairing
}

/// 「同一机关同一年度有 3 份报告，未与上一年度配对：a、b、c」, naming at most five files.
pub fn duplicate_note(files: &[&str]) -> String {
    let mut named: Vec<&str> = files.iter().take(5).copied().collect();
    if files.len() > named.len() {
        named.push("…");
    }
    format!("同一机关同一年度有 {} 份报告，未与上一年度配对：{}", files.len(), named.join("、"))
}

/// 「上一年度报告是 2022 年的，本报告是 2024 年的，不是相邻年度：Y001、Y002 不检查」.
pub fn years_apart(last: i32, year: i32) -> String {
    format!("上一年度报告是 {last} 年的，本报告是 {year} 年的，不是相邻年度：Y001、Y002 不检查")
}

/// What is wrong with comparing `current` with `previous` as last year's report, in Chinese:
/// years that do not follow each other (Y001 and Y002 then compare nothing), or another agency.
pub fn previous_mismatch(current: &Report, previous: &Report) -> Option<String> {
    if let (Some(year), Some(last)) = (current.year, previous.year) {
        if last + 1 != year {
            return Some(years_apart(last, year));
        }
    }
    let (this, other) = (agency::key(&current.agency.name), agency::key(&previous.agency.name));
    if !this.is_empty() && !other.is_empty() && this != other {
        return Some(format!(
            "上一年度报告的机关是「{}」，与本报告的「{}」不同：请确认选择的是本机关的上一年度报告",
            previous.agency.name.trim(),
            current.agency.name.trim()
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consecutive_years_of_one_agency_pair_up() {
        let entries = [
            Entry::new("通榆县边昭镇人民政府", Some(2024)),
            Entry::new("通榆县发展和改革局", Some(2024)),
            Entry::new("通榆县 边昭镇", Some(2023)),
            Entry::new("通榆县发展和改革局", Some(2022)),
            Entry::new("", Some(2023)),
            Entry::new("某镇", None),
            Entry::new("通榆县边昭镇政府", Some(2022)),
        ];
        let pairing = pair(&entries);
        assert_eq!(pairing.pairs, [Pair { previous: 2, current: 0 }, Pair { previous: 6, current: 2 }]);
        assert!(pairing.duplicates.is_empty());
    }

    #[test]
    fn a_previous_report_of_another_year_or_agency_is_named() {
        let mut this = Report::empty();
        this.year = Some(2024);
        this.agency.name = "通榆县边昭镇人民政府".into();
        let mut last = this.clone();
        last.year = Some(2023);
        last.agency.name = "通榆县 边昭镇".into();
        assert_eq!(previous_mismatch(&this, &last), None);
        last.year = Some(2022);
        assert_eq!(previous_mismatch(&this, &last).unwrap(), "上一年度报告是 2022 年的，本报告是 2024 年的，不是相邻年度：Y001、Y002 不检查");
        last.year = Some(2023);
        last.agency.name = "通榆县发展和改革局".into();
        assert!(previous_mismatch(&this, &last).unwrap().contains("「通榆县发展和改革局」"));
        let files = ["1", "2", "3", "4", "5", "6"];
        assert_eq!(duplicate_note(&files[..2]), "同一机关同一年度有 2 份报告，未与上一年度配对：1、2");
        assert!(duplicate_note(&files).ends_with("4、5、…"));
    }

    #[test]
    fn the_same_agency_and_year_twice_is_not_paired_but_reported() {
        let entries =
            [Entry::new("甲镇", Some(2024)), Entry::new("甲镇人民政府", Some(2024)), Entry::new("甲镇", Some(2023))];
        let pairing = pair(&entries);
        assert!(pairing.pairs.is_empty());
        assert_eq!(pairing.duplicates, [vec![0, 1]]);
    }
}
