//! The 成文日期 of a report: the date under the 发文机关署名 at its end (GB/T 9704-2012, 7.3.5).

use std::fmt;

/// A calendar date (proleptic Gregorian), as the JSON document writes it: `2025-01-15`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReportDate {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl ReportDate {
    /// A valid date, or `None` (30 February, month 13…).
    pub fn new(year: i32, month: u8, day: u8) -> Option<ReportDate> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=9999).contains(&year) && (1..=days).contains(&day)).then_some(ReportDate { year, month, day })
    }

    /// Reads `2025-01-15` (what `<input type="date">` gives) or 「2025年1月15日」, full-width digits too.
    pub fn parse(text: &str) -> Option<ReportDate> {
        let ascii: String = text
            .trim()
            .chars()
            .map(|c| match c {
                '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
                '年' | '月' | '/' | '.' | '－' => '-',
                '日' => ' ',
                _ => c,
            })
            .collect();
        let mut parts = ascii.trim().split('-').map(str::trim);
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || !(1..=2).contains(&m.len()) || !(1..=2).contains(&d.len()) {
            return None;
        }
        ReportDate::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// The date `days` days after 1970-01-01 (for "today" from a clock).
    pub fn from_days_since_epoch(days: i64) -> ReportDate {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        ReportDate { year, month, day }
    }

    /// As JSON and `<input type="date">` write it: `2025-01-15`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// As a 公文 writes it (GB/T 9704-2012, 7.3.5.1: Arabic numerals, the year in full, no leading
/// zeros): 「2025年1月15日」.
impl fmt::Display for ReportDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}年{}月{}日", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_and_writes_dates() {
        let d = ReportDate::parse("2025-01-15").unwrap();
        assert_eq!(d.to_string(), "2025年1月15日");
        assert_eq!(d.iso(), "2025-01-15");
        assert_eq!(ReportDate::parse("２０２５年１月１５日"), Some(d));
        assert_eq!(ReportDate::parse("2025/1/15"), Some(d));
        assert_eq!(ReportDate::parse("2024-02-29").map(|d| d.day), Some(29));
        for bad in ["2025-02-29", "2025-13-01", "2025-01-32", "25-01-15", "2025-01", "", "明天", "2025-01-15-1"] {
            assert_eq!(ReportDate::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn counts_days_from_the_epoch() {
        assert_eq!(ReportDate::from_days_since_epoch(0).iso(), "1970-01-01");
        assert_eq!(ReportDate::from_days_since_epoch(20_103).iso(), "2025-01-15");
        assert_eq!(ReportDate::from_days_since_epoch(19_782).iso(), "2024-02-29");
        assert_eq!(ReportDate::from_days_since_epoch(-1).iso(), "1969-12-31");
    }
}
