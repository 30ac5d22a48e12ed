//! A batch kept whole in memory, for a caller that shows it and exports it at will: the page's
//! batch view, through the batch binding. (The command line streams instead and keeps only
//! what it must: `src/bin/xxgk/check.rs`.)
//!
//! Files are added one at a time, each read and checked on its own ([`check_file`]); a file
//! that cannot be read keeps its message in its place. [`Collection::compare`] then pairs each
//! agency's consecutive years (rules Y001–Y003 on the later report) and finds passages copied
//! between agencies; it can run again after more files came. Every output — the findings as a
//! workbook or CSV, the roll-up (汇总) of one year — is made from what is held.

use std::collections::BTreeMap;

use super::copies::{self, CopiedPassage, CopyIndex, Fingerprint};
use super::pairs::{self, Entry};
use super::rollup::{Rollup, Sum};
use super::{check_file, csv, Counts, FileResult, ReportSummary};
use crate::model::Report;
use crate::rules::{self, Finding};

/// One file of the batch.
#[derive(Debug)]
struct Held {
    /// The file's path as the caller names it (a folder's files keep their relative path).
    file: String,
    outcome: Result<Checked, String>,
}

#[derive(Debug)]
struct Checked {
    report: Report,
    summary: ReportSummary,
    findings: Vec<Finding>,
    fingerprint: Fingerprint,
}

/// Two reports of one agency in consecutive years (indices of the batch) and what the
/// cross-year rules found in the later one.
#[derive(Debug, Clone)]
pub struct PairFound {
    pub previous: usize,
    pub current: usize,
    pub findings: Vec<Finding>,
}

/// A passage shared by two agencies' reports: `a` and `b` are indices of the batch.
#[derive(Debug, Clone)]
pub struct CopyFound {
    pub a: usize,
    pub b: usize,
    pub passage: CopiedPassage,
}

/// What comparing the files of a batch with each other found.
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    pub pairs: Vec<PairFound>,
    /// Files of one agency and year given more than once (not paired), one group each.
    pub duplicates: Vec<Vec<usize>>,
    pub copies: Vec<CopyFound>,
}

/// A roll-up of one year, and the files of that year that could not go into it.
#[derive(Debug)]
pub struct YearSum {
    pub sum: Sum,
    /// 「a.docx：……」, one line per file left out (its tables are of the other edition).
    pub left_out: Vec<String>,
}

/// The files of a batch, checked, and what comparing them found.
#[derive(Debug, Default)]
pub struct Collection {
    files: Vec<Held>,
    comparison: Comparison,
    /// Cross-year findings and last year's file, by index of the later report.
    cross_year: BTreeMap<usize, (usize, Vec<Finding>)>,
}

impl Collection {
    pub fn new() -> Collection {
        Collection::default()
    }

    /// Reads and checks one file; returns its index. A file that cannot be read is kept with
    /// its message. `file` is the path shown; its last part is the name the importer sees.
    pub fn add(&mut self, file: &str, bytes: &[u8]) -> usize {
        let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
        let outcome = check_file(bytes, name, None).map(|c| Checked {
            fingerprint: Fingerprint::of(&c.report),
            report: c.report,
            summary: c.summary,
            findings: c.findings,
        });
        self.files.push(Held { file: file.to_string(), outcome });
        self.files.len() - 1
    }

    /// Keeps a file that could not be read at all (the caller says why, in Chinese).
    pub fn add_failed(&mut self, file: &str, message: &str) -> usize {
        self.files.push(Held { file: file.to_string(), outcome: Err(message.to_string()) });
        self.files.len() - 1
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    pub fn file(&self, index: usize) -> Option<&str> {
        self.files.get(index).map(|h| h.file.as_str())
    }

    /// The report read from file `index`, if it could be read.
    pub fn report(&self, index: usize) -> Option<&Report> {
        self.files.get(index)?.outcome.as_ref().ok().map(|c| &c.report)
    }

    /// Pairs the consecutive years of each agency and looks for copied text, over every file
    /// added so far (what an earlier call found is replaced).
    pub fn compare(&mut self) -> &Comparison {
        let entries: Vec<Entry> = self
            .files
            .iter()
            .map(|h| match &h.outcome {
                Ok(c) => Entry::new(&c.summary.agency, c.summary.year),
                Err(_) => Entry::new("", None),
            })
            .collect();
        let pairing = pairs::pair(&entries);
        self.cross_year.clear();
        let mut found = Vec::with_capacity(pairing.pairs.len());
        for pair in &pairing.pairs {
            let (Some(current), Some(previous)) = (self.report(pair.current), self.report(pair.previous)) else { continue };
            let findings = rules::check_against_previous(current, previous);
            self.cross_year.insert(pair.current, (pair.previous, findings.clone()));
            found.push(PairFound { previous: pair.previous, current: pair.current, findings });
        }

        let mut index = CopyIndex::new();
        let mut indexed = Vec::new();
        for (i, held) in self.files.iter().enumerate() {
            if let Ok(c) = &held.outcome {
                index.add(&c.summary.agency, c.fingerprint.clone());
                indexed.push(i);
            }
        }
        let copies = if index.len() > 1 { index.find() } else { Vec::new() };
        let copies = copies
            .iter()
            .filter_map(|m| {
                let (a, b) = (indexed[m.a], indexed[m.b]);
                let passage = copies::describe(m, (&self.files[a].file, self.report(a)?), (&self.files[b].file, self.report(b)?));
                Some(CopyFound { a, b, passage })
            })
            .collect();
        self.comparison = Comparison { pairs: found, duplicates: pairing.duplicates, copies };
        &self.comparison
    }

    /// What the last [`compare`](Self::compare) found.
    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }

    /// The summary of file `index` with the cross-year findings counted and last year's file
    /// named, or its message when it could not be read.
    pub fn summary(&self, index: usize) -> Option<Result<ReportSummary, &str>> {
        let held = self.files.get(index)?;
        Some(match &held.outcome {
            Ok(c) => {
                let mut summary = c.summary.clone();
                if let Some((previous, findings)) = self.cross_year.get(&index) {
                    summary.add_findings(findings);
                    summary.previous = Some(self.files[*previous].file.clone());
                }
                Ok(summary)
            }
            Err(message) => Err(message.as_str()),
        })
    }

    /// Every finding of file `index`: its own, then those of the comparison with last year.
    pub fn findings(&self, index: usize) -> Vec<Finding> {
        let Some(Ok(c)) = self.files.get(index).map(|h| &h.outcome) else { return Vec::new() };
        let mut all = c.findings.clone();
        if let Some((_, cross)) = self.cross_year.get(&index) {
            all.extend(cross.iter().cloned());
            all.sort_by_key(|f| f.severity);
        }
        all
    }

    /// File `index` as the outputs show it.
    pub fn result(&self, index: usize) -> Option<FileResult> {
        let file = self.files.get(index)?.file.clone();
        Some(match self.summary(index)? {
            Ok(summary) => FileResult::checked(file, summary, self.findings(index)),
            Err(message) => FileResult::failed(file, message),
        })
    }

    /// Counts over the whole batch (cross-year findings included) and the files not read.
    pub fn totals(&self) -> (Counts, usize) {
        let mut counts = Counts::default();
        let mut failed = 0;
        for i in 0..self.files.len() {
            match self.summary(i) {
                Some(Ok(s)) => counts.add(s.counts),
                _ => failed += 1,
            }
        }
        (counts, failed)
    }

    /// The findings as CSV (UTF-8 with a byte-order mark): every file, then the copied passages.
    pub fn csv(&self) -> String {
        let mut out = String::from(csv::HEADER);
        for i in 0..self.files.len() {
            if let Some(result) = self.result(i) {
                out.push_str(&csv::lines(&result));
            }
        }
        for copy in &self.comparison.copies {
            out.push_str(&csv::copy_lines(&copy.passage));
        }
        out
    }

    /// The findings as an Excel workbook: a summary row per file, every finding, the pairs of
    /// consecutive years and the copied passages.
    #[cfg(feature = "xlsx")]
    pub fn workbook(&self) -> Result<Vec<u8>, String> {
        let mut book = super::workbook::FindingsWorkbook::new()?;
        for i in 0..self.files.len() {
            if let Some(result) = self.result(i) {
                book.add(&result)?;
            }
        }
        for pair in &self.comparison.pairs {
            let (Some(Ok(previous)), Some(Ok(current))) = (self.summary(pair.previous), self.summary(pair.current)) else {
                continue;
            };
            book.add_pair((&self.files[pair.previous].file, &previous), (&self.files[pair.current].file, &current), pair.findings.len())?;
        }
        for copy in &self.comparison.copies {
            book.add_copy(&copy.passage)?;
        }
        book.finish()
    }

    /// The years of the reports read, with how many reports each, earliest first.
    pub fn years(&self) -> Vec<(i32, usize)> {
        let mut years: BTreeMap<i32, usize> = BTreeMap::new();
        for held in &self.files {
            if let Ok(Checked { report: Report { year: Some(year), .. }, .. }) = &held.outcome {
                *years.entry(*year).or_default() += 1;
            }
        }
        years.into_iter().collect()
    }

    /// Adds up the tables of every report of `year` (the roll-up, 汇总) for the body named
    /// `agency_name` (may be empty). Reports whose tables are of the other edition than the
    /// first one's are left out and named.
    pub fn rollup(&self, year: i32, agency_name: &str) -> Result<YearSum, String> {
        let mut rollup = Rollup::new();
        let mut left_out = Vec::new();
        for held in &self.files {
            let Ok(c) = &held.outcome else { continue };
            if c.report.year != Some(year) {
                continue;
            }
            if let Err(message) = rollup.add(&held.file, &c.report) {
                left_out.push(message);
            }
        }
        if rollup.is_empty() {
            return Err(format!("没有 {year} 年的报告可以汇总"));
        }
        Ok(YearSum { sum: rollup.finish(agency_name)?, left_out })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{from_json, to_json, CellId, CellValue};

    const SEED: &str = include_str!("../../tests/fixtures/seed.json");
    const HONGZE: &str = include_str!("../../tests/fixtures/batch/hongze-2024.json");

    fn json(report: &Report) -> Vec<u8> {
        to_json(report).into_bytes()
    }

    #[test]
    fn a_broken_file_keeps_its_place_and_message_and_the_others_are_checked() {
        let mut batch = Collection::new();
        assert_eq!(batch.add("乡镇/边昭镇.json", SEED.as_bytes()), 0);
        assert_eq!(batch.add("乡镇/坏.docx", b"PK\x03\x04 broken"), 1);
        assert_eq!(batch.add_failed("乡镇/大.docx", "文件无法读取"), 2);
        assert_eq!(batch.add("洪泽.json", HONGZE.as_bytes()), 3);
        assert_eq!(batch.summary(0).unwrap().unwrap().agency, "通榆县边昭镇");
        assert!(batch.summary(1).unwrap().unwrap_err().contains("损坏"), "{:?}", batch.summary(1));
        assert_eq!(batch.summary(2).unwrap().unwrap_err(), "文件无法读取");
        assert_eq!(batch.summary(3).unwrap().unwrap().year, Some(2024));
        assert_eq!(batch.totals().1, 2);
        let csv = batch.csv();
        assert!(csv.contains("乡镇/坏.docx,,,无法读取"), "{csv}");
        assert_eq!(csv.matches("洪泽.json").count(), batch.findings(3).len().max(1));
    }

    #[test]
    fn consecutive_years_pair_up_and_their_findings_count_for_the_later_report() {
        let this = from_json(HONGZE).unwrap();
        let mut last = this.clone();
        last.year = Some(2023);
        last.set_cell(CellId::known("s3.carried_out.natural"), CellValue::Count(5));
        let mut batch = Collection::new();
        batch.add("2024.json", &json(&this));
        batch.add("2023.json", &json(&last));
        let own = batch.summary(0).unwrap().unwrap().counts;
        let comparison = batch.compare().clone();
        assert_eq!(comparison.pairs.len(), 1);
        let pair = &comparison.pairs[0];
        assert_eq!((pair.previous, pair.current), (1, 0));
        assert!(pair.findings.iter().any(|f| f.code == "Y001"), "{:#?}", pair.findings);
        let summary = batch.summary(0).unwrap().unwrap();
        assert_eq!(summary.previous.as_deref(), Some("2023.json"));
        assert!(summary.codes.contains(&"Y001"));
        assert_eq!(summary.counts.warning, own.warning + pair.findings.len());
        assert!(batch.findings(0).iter().any(|f| f.code == "Y001"));
        assert!(batch.csv().contains("Y001"));
    }

    #[test]
    fn a_passage_copied_between_agencies_is_found_with_both_files() {
        let seed = from_json(SEED).unwrap();
        let mut other = from_json(HONGZE).unwrap();
        let passage: String = seed.text.overview.chars().skip(40).take(320).collect();
        other.text.overview.push_str(&passage);
        let mut batch = Collection::new();
        batch.add("边昭镇.json", &json(&seed));
        batch.add("洪泽.json", &json(&other));
        let copies = &batch.compare().copies;
        assert_eq!(copies.len(), 1, "{copies:#?}");
        assert_eq!((copies[0].a, copies[0].b), (0, 1));
        assert_eq!(copies[0].passage.b.file, "洪泽.json");
        assert!(passage.contains(&copies[0].passage.passage[..30]));
        assert!(batch.csv().contains("copied-text"));
    }

    #[test]
    fn the_rollup_of_a_year_leaves_the_other_years_out() {
        let seed = from_json(SEED).unwrap();
        let mut b = seed.clone();
        b.agency.name = "另一镇".into();
        let mut old = seed.clone();
        old.year = Some(2023);
        let mut batch = Collection::new();
        batch.add("a.json", &json(&seed));
        batch.add("b.json", &json(&b));
        batch.add("c.json", &json(&old));
        assert_eq!(batch.years(), [(2023, 1), (2024, 2)]);
        let rolled = batch.rollup(2024, "某县人民政府").unwrap();
        assert_eq!(rolled.sum.sources.len(), 2);
        assert!(rolled.left_out.is_empty());
        let id = CellId::known("s3.new.total");
        let one = seed.count(id).unwrap();
        assert_eq!(rolled.sum.report.count(id), Some(2 * one));
        assert_eq!(rolled.sum.report.agency.name, "某县人民政府");
        assert!(batch.rollup(2020, "").unwrap_err().contains("2020"));
    }

    #[cfg(feature = "xlsx")]
    #[test]
    fn the_workbook_has_a_row_per_file() {
        let mut batch = Collection::new();
        batch.add("a.json", SEED.as_bytes());
        batch.add_failed("b.docx", "无法读取");
        batch.compare();
        let bytes = batch.workbook().unwrap();
        assert!(bytes.starts_with(b"PK"));
    }
}
