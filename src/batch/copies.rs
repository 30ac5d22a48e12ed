//! Passages copied between the reports of different agencies, found in a whole batch without
//! comparing every pair of reports.
//!
//! Each prose part (一、五、六) is cut into chunks of a few sentences; each chunk becomes a set
//! of five-letter shingles (spacing, punctuation and digits ignored, see
//! [`similarity::Letters`]) and a MinHash signature of [`HASHES`] values. Chunks whose
//! signatures agree on one of [`BANDS`] bands land in one bucket (locality-sensitive hashing):
//! only chunks sharing a bucket are compared, so the work grows with the number of chunks, not
//! with its square.
//!
//! Text every report may legitimately share does not count:
//! - the format's own words (headings, table labels, the regulation's name, the standard
//!   sentences of the preamble and of section 六) are left out of every chunk, and a chunk made
//!   mostly of them is dropped;
//! - a bucket whose chunks come from [`boilerplate_from`] agencies or more (a twentieth of the
//!   batch, at least five; in a batch of three or four agencies, all of them) holds a template
//!   sentence, not a copy: its chunks are dropped. Two agencies alone cannot tell a template
//!   from a copy: what they share is reported.
//!
//! Reports of one agency (by [`agency::key`]) are never compared with each other: last
//! year's own text is rule Y003's business.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Serialize;

use super::agency;
use crate::model::labels;
use crate::model::{Report, TextField};
use crate::rules::text::segments::Segments;
use crate::rules::text::similarity::{longest_shared, mix, Letters, SHINGLE};

/// MinHash values per chunk.
pub const HASHES: usize = 40;
/// LSH bands of [`ROWS`] values each: chunks alike at 60 % (Jaccard) meet in a bucket with
/// probability 0.75, at 70 % 0.92, at 80 % 0.99; at 20 % with probability 0.016.
pub const BANDS: usize = 10;
pub const ROWS: usize = HASHES / BANDS;
/// Estimated Jaccard similarity from which two chunks count as the same passage.
pub const SAME_FROM: f64 = 0.5;
/// Letters a chunk gathers (whole sentences) before it is closed.
const CHUNK_LETTERS: usize = 80;
/// Fewest shingles of its own (not the format's) a chunk needs to count.
const MIN_SHINGLES: usize = 20;
/// The parts compared (the preamble is formulaic by design).
pub const PARTS: [TextField; 3] = [TextField::Overview, TextField::Problems, TextField::Other];

/// Agencies a bucket must reach for its passage to count as shared boilerplate.
pub fn boilerplate_from(agencies: usize) -> usize {
    (agencies / 20).max(5).min(agencies).max(3)
}

/// What the index keeps of one chunk: where it is and its signature.
#[derive(Debug, Clone)]
pub struct Chunk {
    pub field: TextField,
    /// Byte range in the part's text.
    pub start: u32,
    pub end: u32,
    /// Letters in the chunk.
    pub letters: u32,
    signature: [u32; HASHES],
}

/// The chunks of one report: computed on its own (in a worker thread), added to the index later.
#[derive(Debug, Clone, Default)]
pub struct Fingerprint {
    pub chunks: Vec<Chunk>,
    /// Letters of each part, in [`PARTS`] order.
    pub part_letters: [u32; 3],
}

impl Fingerprint {
    pub fn of(report: &Report) -> Fingerprint {
        let mut fingerprint = Fingerprint::default();
        for (p, field) in PARTS.into_iter().enumerate() {
            let text = report.text.get(field);
            fingerprint.part_letters[p] = Letters::of(text).len() as u32;
            let format = format_shingles();
            for (start, end) in chunk_ranges(text) {
                let letters = Letters::of(&text[start..end]);
                let mut distinct: Vec<u64> = letters.shingles().into_iter().filter(|s| !format.contains(s)).collect();
                distinct.sort_unstable();
                distinct.dedup();
                if distinct.len() < MIN_SHINGLES {
                    continue;
                }
                fingerprint.chunks.push(Chunk {
                    field,
                    start: start as u32,
                    end: end as u32,
                    letters: letters.len() as u32,
                    signature: minhash(&distinct),
                });
            }
        }
        fingerprint
    }
}

/// Byte ranges of whole sentences, gathered until a chunk has [`CHUNK_LETTERS`] letters.
fn chunk_ranges(text: &str) -> Vec<(usize, usize)> {
    let mut chunks = Vec::new();
    let mut current: Option<(usize, usize, usize)> = None;
    for (start, end) in Segments::sentences(text).iter() {
        let letters = text[start..end].chars().filter(|&c| crate::rules::text::is_letter(c)).count();
        if letters == 0 {
            continue;
        }
        let end_with_delimiter = (end + text[end..].chars().next().map_or(0, char::len_utf8)).min(text.len());
        let (from, _, count) = current.unwrap_or((start, end, 0));
        let count = count + letters;
        if count >= CHUNK_LETTERS {
            chunks.push((from, end_with_delimiter));
            current = None;
        } else {
            current = Some((from, end_with_delimiter, count));
        }
    }
    if let Some((from, end, count)) = current {
        match chunks.last_mut() {
            // A short tail joins the chunk before it.
            Some(last) if count < CHUNK_LETTERS / 2 => last.1 = end,
            _ => chunks.push((from, end)),
        }
    }
    chunks
}

/// MinHash with one multiply-shift hash per slot over the (already well-mixed) shingle hashes:
/// `(a·s + b) >> 32` with odd `a` is a universal family, and costs one multiply and one add.
fn minhash(shingles: &[u64]) -> [u32; HASHES] {
    let mut signature = [u32::MAX; HASHES];
    for &s in shingles {
        for (slot, (a, b)) in signature.iter_mut().zip(MULTIPLIERS.iter().zip(&OFFSETS)) {
            let h = (a.wrapping_mul(s).wrapping_add(*b) >> 32) as u32;
            *slot = (*slot).min(h);
        }
    }
    signature
}

/// Odd multipliers and offsets of the [`HASHES`] hash functions (a fixed LCG sequence, so
/// signatures are the same on every machine and run).
const MULTIPLIERS: [u64; HASHES] = constants(0x9e37_79b9_7f4a_7c15, true);
const OFFSETS: [u64; HASHES] = constants(0xd1b5_4a32_d192_ed03, false);

const fn constants(start: u64, odd: bool) -> [u64; HASHES] {
    let mut out = [0u64; HASHES];
    let mut i = 0;
    let mut x = start;
    while i < HASHES {
        x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        out[i] = if odd { x | 1 } else { x };
        i += 1;
    }
    out
}

/// Shingle hashes are already uniform: a set of them needs no second hash.
#[derive(Default, Clone, Copy)]
struct Unhashed(u64);

impl std::hash::Hasher for Unhashed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type ShingleSet = HashSet<u64, std::hash::BuildHasherDefault<Unhashed>>;

/// The shingles of the format's own text: they never make a copy.
fn format_shingles() -> &'static ShingleSet {
    static SET: OnceLock<ShingleSet> = OnceLock::new();
    SET.get_or_init(|| {
        let mut texts: Vec<String> = Vec::new();
        texts.extend(labels::SECTION_TITLES.iter().map(|t| t.to_string()));
        texts.extend(labels::S3_ROWS.iter().map(|r| format!("{}{}", r.groups.concat(), r.label)));
        texts.extend(labels::S3_COLUMNS.iter().map(|c| c.label.to_string()));
        texts.extend(labels::S4_GROUPS.iter().chain(&labels::S4_COLUMNS).map(|a| a.label.to_string()));
        texts.extend(FORMAT_SENTENCES.iter().map(|s| s.to_string()));
        texts.iter().flat_map(|t| Letters::of(t).shingles()).collect()
    })
}

/// Sentences the format itself prescribes or that every report writes the same way.
const FORMAT_SENTENCES: &[&str] = &[
    "根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求",
    "本报告由总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议、行政诉讼情况、存在的主要问题及改进情况、其他需要报告的事项六个部分组成",
    "本报告中所列数据的统计期限自2024年1月1日起至2024年12月31日止",
    "本报告电子版可在门户网站查阅。如对本报告有疑问，请与本机关联系（地址，邮编，电话）",
    "按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定，本年度未收取信息处理费",
    "为全面反映政府信息公开工作情况、加强政府信息管理、展现政府施政过程及结果，现公布政府信息公开工作年度报告",
    "坚持以公开为常态、不公开为例外",
    "以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神",
];

/// Chunks of two reports of different agencies found alike, in one part of each.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// Indices of the two reports in the order they were added (`a < b`).
    pub a: usize,
    pub b: usize,
    pub field_a: TextField,
    pub field_b: TextField,
    /// Byte ranges of the matched chunks in each part, in text order.
    pub ranges_a: Vec<(u32, u32)>,
    pub ranges_b: Vec<(u32, u32)>,
    /// Letters of the matched chunks, and of the whole part, on each side.
    pub letters_a: u32,
    pub letters_b: u32,
    pub part_letters_a: u32,
    pub part_letters_b: u32,
    /// The estimated similarity of the best chunk pair.
    pub similarity: f64,
}

/// Every report's chunks, ready to be compared all at once.
#[derive(Debug, Default)]
pub struct CopyIndex {
    /// Agency of each report (an interned [`agency::key`]).
    agencies: Vec<u32>,
    part_letters: Vec<[u32; 3]>,
    agency_ids: HashMap<String, u32>,
    /// (report, chunk) of every chunk.
    chunks: Vec<(u32, Chunk)>,
}

impl CopyIndex {
    pub fn new() -> CopyIndex {
        CopyIndex::default()
    }

    /// Adds a report; returns its index. An unnamed agency is taken as one of its own.
    pub fn add(&mut self, agency_name: &str, fingerprint: Fingerprint) -> usize {
        let doc = self.agencies.len();
        let key = agency::key(agency_name);
        let next = self.agency_ids.len() as u32;
        let agency = if key.is_empty() {
            let id = next;
            self.agency_ids.insert(format!("\u{0}{doc}"), id);
            id
        } else {
            *self.agency_ids.entry(key).or_insert(next)
        };
        self.agencies.push(agency);
        self.part_letters.push(fingerprint.part_letters);
        self.chunks.extend(fingerprint.chunks.into_iter().map(|c| (doc as u32, c)));
        doc
    }

    pub fn len(&self) -> usize {
        self.agencies.len()
    }

    pub fn is_empty(&self) -> bool {
        self.agencies.is_empty()
    }

    /// The passages shared by reports of different agencies, by pair of reports and parts.
    pub fn find(&self) -> Vec<Match> {
        let agency_count = self.agency_ids.len();
        let threshold = boilerplate_from(agency_count);
        let mut boilerplate = vec![false; self.chunks.len()];
        let mut candidates: Vec<(u32, u32)> = Vec::new();
        let mut bucket: Vec<(u64, u32)> = Vec::with_capacity(self.chunks.len());
        for band in 0..BANDS {
            bucket.clear();
            for (i, (_, chunk)) in self.chunks.iter().enumerate() {
                let rows = &chunk.signature[band * ROWS..(band + 1) * ROWS];
                let key = rows.iter().fold(band as u64, |h, &r| mix(h ^ u64::from(r)));
                bucket.push((key, i as u32));
            }
            bucket.sort_unstable();
            for run in bucket.chunk_by(|x, y| x.0 == y.0).filter(|run| run.len() > 1) {
                let mut agencies: Vec<u32> = run.iter().map(|&(_, c)| self.agency_of(c)).collect();
                agencies.sort_unstable();
                agencies.dedup();
                if agencies.len() >= threshold {
                    for &(_, c) in run {
                        boilerplate[c as usize] = true;
                    }
                    continue;
                }
                if agencies.len() < 2 {
                    continue;
                }
                for (n, &(_, x)) in run.iter().enumerate() {
                    for &(_, y) in &run[n + 1..] {
                        if self.agency_of(x) != self.agency_of(y) {
                            candidates.push((x.min(y), x.max(y)));
                        }
                    }
                }
            }
        }
        candidates.sort_unstable();
        candidates.dedup();

        // Verified chunk pairs, grouped by the two reports and parts they belong to.
        type Key = (u32, u32, TextField, TextField);
        let mut groups: HashMap<Key, Vec<(u32, u32, f64)>> = HashMap::new();
        for (x, y) in candidates {
            if boilerplate[x as usize] || boilerplate[y as usize] {
                continue;
            }
            let ((doc_x, cx), (doc_y, cy)) = (&self.chunks[x as usize], &self.chunks[y as usize]);
            let agree = cx.signature.iter().zip(&cy.signature).filter(|(p, q)| p == q).count();
            let similarity = agree as f64 / HASHES as f64;
            if similarity < SAME_FROM {
                continue;
            }
            let (first, second) = if doc_x <= doc_y { ((x, doc_x, cx), (y, doc_y, cy)) } else { ((y, doc_y, cy), (x, doc_x, cx)) };
            groups.entry((*first.1, *second.1, first.2.field, second.2.field)).or_default().push((first.0, second.0, similarity));
        }
        let mut matches: Vec<Match> = groups
            .into_iter()
            .map(|((a, b, field_a, field_b), pairs)| {
                let side = |pick: fn(&(u32, u32, f64)) -> u32| {
                    let mut ids: Vec<u32> = pairs.iter().map(pick).collect();
                    ids.sort_unstable();
                    ids.dedup();
                    let ranges: Vec<(u32, u32)> = ids.iter().map(|&i| (self.chunks[i as usize].1.start, self.chunks[i as usize].1.end)).collect();
                    let letters = ids.iter().map(|&i| self.chunks[i as usize].1.letters).sum::<u32>();
                    (ranges, letters)
                };
                let (ranges_a, letters_a) = side(|p| p.0);
                let (ranges_b, letters_b) = side(|p| p.1);
                let part = |doc: u32, field: TextField| {
                    self.part_letters[doc as usize][PARTS.iter().position(|f| *f == field).unwrap_or(0)]
                };
                Match {
                    a: a as usize,
                    b: b as usize,
                    field_a,
                    field_b,
                    ranges_a,
                    ranges_b,
                    letters_a,
                    letters_b,
                    part_letters_a: part(a, field_a),
                    part_letters_b: part(b, field_b),
                    similarity: pairs.iter().map(|p| p.2).fold(0.0, f64::max),
                }
            })
            .collect();
        matches.sort_by_key(|x| (x.a, x.b, x.field_a as u8, x.field_b as u8));
        matches
    }

    fn agency_of(&self, chunk: u32) -> u32 {
        self.agencies[self.chunks[chunk as usize].0 as usize]
    }
}

/// One side of a copied passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    pub file: String,
    pub agency: String,
    #[serde(serialize_with = "field_path")]
    pub field: TextField,
    /// Share of the part's letters that the matched chunks make up (0–1).
    pub share: f64,
}

fn field_path<S: serde::Serializer>(field: &TextField, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(field.path())
}

/// A passage two agencies' reports share, as the outputs show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CopiedPassage {
    pub a: Side,
    pub b: Side,
    /// The longest text the two matched stretches have in common, as report `a` writes it.
    pub passage: String,
    /// Letters of that text.
    pub letters: usize,
    /// The estimated similarity of the matched chunks (0–1).
    pub similarity: f64,
}

/// A match with the text quoted; `a` and `b` are the two reports with their file names.
pub fn describe(m: &Match, a: (&str, &Report), b: (&str, &Report)) -> CopiedPassage {
    let text_a = a.1.text.get(m.field_a);
    let text_b = b.1.text.get(m.field_b);
    let stretch = |text: &str, ranges: &[(u32, u32)]| -> String {
        ranges.iter().map(|&(s, e)| text.get(s as usize..e as usize).unwrap_or("")).collect::<Vec<_>>().join("\n")
    };
    let (stretch_a, stretch_b) = (stretch(text_a, &m.ranges_a), stretch(text_b, &m.ranges_b));
    let (letters_a, letters_b) = (Letters::of(&stretch_a), Letters::of(&stretch_b));
    let (start, _, length) = longest_shared(&letters_a.chars, &letters_b.chars);
    let (from, to) = letters_a.byte_range(start, start + length);
    let passage = if length >= SHINGLE { stretch_a[from..to].replace('\n', "") } else { String::new() };
    let share = |letters: u32, part: u32| if part == 0 { 0.0 } else { f64::from(letters) / f64::from(part) };
    CopiedPassage {
        a: Side { file: a.0.to_string(), agency: a.1.agency.name.clone(), field: m.field_a, share: share(m.letters_a, m.part_letters_a) },
        b: Side { file: b.0.to_string(), agency: b.1.agency.name.clone(), field: m.field_b, share: share(m.letters_b, m.part_letters_b) },
        passage,
        letters: length,
        similarity: m.similarity,
    }
}
