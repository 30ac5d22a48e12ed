//! China's province-, city- and county-level administrative areas, and the place names of
//! *another* region in a report's text (rule T004).
//!
//! Data: `src/data/places.tsv`, generated from `@vant/area-data` (MIT) by
//! `src/data/gen_places.mjs`; `src/data/PLACES.md` describes the format and the rules for short
//! names and ambiguity. The table is read once, on first use.
//!
//! With the feature `embedded-places` (on by default) the table is part of the binary. The
//! page's WebAssembly leaves it out (34 KB gzipped, a sixth of the module): the page fetches
//! the table when a report first has prose and hands it over with [`install`]; until then
//! nothing here finds a place (T004 reports nothing) and [`available`] says so.
//!
//! Finding foreign places takes two steps. [`mentions`] finds every place name in a text
//! (whoever's region it is): it depends on the text alone, so each prose field's analysis keeps
//! it. [`foreign_places`] then keeps the mentions of areas outside the agency's own.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::TermSet;

#[cfg(feature = "embedded-places")]
static EMBEDDED: &str = include_str!("../../data/places.tsv");

/// The table handed over at run time ([`install`]), where the build leaves it out.
static INSTALLED: OnceLock<&'static str> = OnceLock::new();

fn table_text() -> Option<&'static str> {
    #[cfg(feature = "embedded-places")]
    return Some(EMBEDDED);
    #[cfg(not(feature = "embedded-places"))]
    return INSTALLED.get().copied();
}

/// Whether the place table can be used: built in, or installed.
pub fn available() -> bool {
    table_text().is_some()
}

/// Hands over the text of `places.tsv` where the build leaves it out. Returns false when a table
/// is there already (built in or installed before); an error when `text` is not the table (a
/// line that is not `code, level, full name, short name, parent, flags`).
pub fn install(text: String) -> Result<bool, String> {
    if available() {
        return Ok(false);
    }
    for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.is_empty() && !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        let well_formed = fields.len() >= 6
            && fields[0].len() == 6
            && fields[0].bytes().all(|b| b.is_ascii_digit())
            && matches!(fields[1], "p" | "c" | "k")
            && !fields[2].is_empty();
        if !well_formed {
            return Err(format!("地名表第 {} 行格式不对", n + 1));
        }
    }
    if text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).count() < 100 {
        return Err("地名表内容不完整".to_string());
    }
    Ok(INSTALLED.set(Box::leak(text.into_boxed_str())).is_ok())
}

/// An area of the table, by its index (stable only within one build of the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(u16);

/// The tier of an area in the administrative division (not the agency's [`crate::model::Level`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceLevel {
    Province,
    City,
    County,
}

/// A place name found in a text, of any region.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlaceMention {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Index of the name in [`Places::names`].
    name: usize,
}

/// A place name of another region found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceHit {
    /// Byte range in the searched text.
    pub start: usize,
    pub end: usize,
    /// The name as written (「新郑」, 「郑州市」).
    pub name: String,
    /// The full names of the area's parent (「河南省郑州市」 for 新郑); for a province, its own.
    pub belongs_to: String,
    /// The area the name designates.
    pub id: PlaceId,
    /// The area lies in the agency's own province (a neighbouring city or county): weaker
    /// evidence of copied text than another province.
    pub same_province: bool,
}

// Flags of a name (PLACES.md): `A`/`W` on the full name, `a`/`w`/`o` on the short one.
const AMBIGUOUS: u8 = 1;
const COMMON_WORD: u8 = 2;
const ONE_CHARACTER: u8 = 4;

struct Area {
    code: u32,
    level: PlaceLevel,
    full_name: &'static str,
    short_name: &'static str,
    parent: Option<u16>,
}

/// A string of the table and the areas that bear it.
struct Name {
    /// Areas with this full or short name, highest tier first.
    areas: Vec<u16>,
    /// False when any use of the string is flagged (ambiguous, a common word, one character):
    /// a match of it only hides what it covers.
    usable: bool,
}

struct Places {
    areas: Vec<Area>,
    /// Full and short names of two characters or more → areas, for [`region_chain`].
    areas_by_name: HashMap<&'static str, Vec<u16>>,
    longest_name_chars: usize,
    /// Every full and short name, matched in one pass; indices as in `names`.
    matcher: TermSet,
    names: Vec<Name>,
}

/// Frequent words that, when they overlap a match without containing it, show that the match
/// straddles a word boundary and is no place name: 「合作市场」 is 合作+市场, not 合作市;
/// 「行政和保障」 holds no 政和; 「人民勤劳」 no 民勤; 「创新和」 no 新和; 「加大新媒体」 no 大新. At most 4
/// characters each.
#[rustfmt::skip]
const BLOCKERS: &[&str] = &[
    "市场", "市民", "郑重", "长治久安", "北京时间", "同心同德", "行政", "财政", "民政", "政府", "政务",
    "政策", "政协", "政治", "人民", "居民", "农民", "村民", "公民", "创新", "更新", "安全", "康复", "安排",
    "安置", "平台", "城市", "城乡", "县城", "省市", "市县", "社会", "会议", "国家", "全国", "中国", "中华",
    "民族", "公开", "信息", "工作", "建设", "发展", "管理", "服务", "部门", "单位", "监督", "保障", "制度",
    "规范", "依法", "法治", "办理", "申请", "推进", "落实", "加强", "完善", "开展", "提高", "领导", "组织",
    "宣传", "文件", "重点", "全面", "积极", "有效", "年度", "报告", "情况", "问题", "改进", "事项", "群众",
    "企业", "经济", "产业", "乡村", "农村", "山区", "地区", "区域", "水平", "能力", "质量", "标准",
    "和谐", "稳定", "平稳", "东西", "南北", "上下", "内外", "前后", "左右", "新时代", "新阶段", "新发展",
    "加大", "新媒体", "新闻",
];

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}')
}

/// The flags of the full name and of the short name.
fn parse_flags(flags: &str) -> (u8, u8) {
    let (mut full, mut short) = (0, 0);
    for c in flags.chars() {
        match c {
            'A' => full |= AMBIGUOUS,
            'W' => full |= COMMON_WORD,
            'a' => short |= AMBIGUOUS,
            'w' => short |= COMMON_WORD,
            'o' => short |= ONE_CHARACTER,
            _ => {}
        }
    }
    (full, short)
}

/// One line of the table: the area, its parent's code and the flags of its two names.
struct Row {
    area: Area,
    parent_code: u32,
    full_flags: u8,
    short_flags: u8,
}

fn parse_table(table: &'static str) -> Vec<Row> {
    let mut rows = Vec::with_capacity(3300);
    for line in table.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let fields: Vec<&'static str> = line.split('\t').collect();
        let &[code, level, full_name, short_name, parent, flags, ..] = &fields[..] else {
            panic!("places.tsv: a line with fewer than six fields: {line:?}");
        };
        let level = match level {
            "p" => PlaceLevel::Province,
            "c" => PlaceLevel::City,
            _ => PlaceLevel::County,
        };
        let (full_flags, short_flags) = parse_flags(flags);
        let code = code.parse().expect("places.tsv: a six-digit code");
        let area = Area { code, level, full_name, short_name, parent: None };
        rows.push(Row { area, parent_code: parent.parse().unwrap_or(0), full_flags, short_flags });
    }
    let index_of: HashMap<u32, u16> = rows.iter().enumerate().map(|(i, r)| (r.area.code, i as u16)).collect();
    for row in &mut rows {
        row.area.parent = index_of.get(&row.parent_code).copied();
    }
    rows
}

fn places() -> Option<&'static Places> {
    static PLACES: OnceLock<Places> = OnceLock::new();
    if let Some(places) = PLACES.get() {
        return Some(places);
    }
    let table = table_text()?;
    Some(PLACES.get_or_init(|| build_places(table)))
}

fn build_places(table: &'static str) -> Places {
    let rows = parse_table(table);
    let mut strings: Vec<&'static str> = Vec::with_capacity(6500);
    let mut names: Vec<Name> = Vec::with_capacity(6500);
    let mut name_index: HashMap<&'static str, usize> = HashMap::with_capacity(6500);
    let mut areas_by_name: HashMap<&'static str, Vec<u16>> = HashMap::with_capacity(6500);
    let mut longest_name_chars = 0;
    for (i, row) in rows.iter().enumerate() {
        let area = i as u16;
        for (string, flags) in [(row.area.full_name, row.full_flags), (row.area.short_name, row.short_flags)] {
            if string.is_empty() {
                continue;
            }
            let index = *name_index.entry(string).or_insert_with(|| {
                strings.push(string);
                names.push(Name { areas: Vec::new(), usable: true });
                names.len() - 1
            });
            let name = &mut names[index];
            if !name.areas.contains(&area) {
                name.areas.push(area);
            }
            name.usable &= flags == 0;
            if flags & ONE_CHARACTER == 0 {
                let bearers = areas_by_name.entry(string).or_default();
                if !bearers.contains(&area) {
                    bearers.push(area);
                }
                longest_name_chars = longest_name_chars.max(string.chars().count());
            }
        }
    }
    let areas: Vec<Area> = rows.into_iter().map(|row| row.area).collect();
    for name in &mut names {
        name.areas.sort_by_key(|&i| (areas[i as usize].level, areas[i as usize].code));
    }
    Places { areas, areas_by_name, longest_name_chars, matcher: TermSet::new(strings), names }
}

impl Places {
    fn parent(&self, area: u16) -> Option<u16> {
        self.areas[area as usize].parent
    }

    fn is_ancestor_or_self(&self, ancestor: u16, mut area: u16) -> bool {
        loop {
            if area == ancestor {
                return true;
            }
            match self.parent(area) {
                Some(parent) => area = parent,
                None => return false,
            }
        }
    }

    fn province(&self, mut area: u16) -> u16 {
        while let Some(parent) = self.parent(area) {
            area = parent;
        }
        area
    }

    /// The area and its ancestors, the area first.
    fn chain(&self, area: u16) -> Vec<u16> {
        let mut chain = vec![area];
        while let Some(parent) = self.parent(*chain.last().expect("never empty")) {
            chain.push(parent);
        }
        chain
    }

    /// Full names from the province down: 「河南省郑州市新郑市」.
    fn full_path(&self, area: u16) -> String {
        self.chain(area).iter().rev().map(|&a| self.areas[a as usize].full_name).collect()
    }
}

/// Resolves an agency's region (「吉林省白城市通榆县」, 「白城市通榆县」, 「通榆县」, 「北京市朝阳区」,
/// also followed by other text such as 「人民政府」) to the area and its ancestors:
/// `[area, parent, …, province]`. Empty when nothing is recognised or the string stays
/// ambiguous (「朝阳区」 alone).
pub fn region_chain(region: &str) -> Vec<PlaceId> {
    let Some(places) = places() else { return Vec::new() };
    let boundaries: Vec<usize> = region.char_indices().map(|(b, _)| b).chain([region.len()]).collect();
    let chars = boundaries.len() - 1;
    let mut candidates: Vec<u16> = Vec::new();
    let mut pos = 0;
    while pos < chars {
        let longest = places.longest_name_chars.min(chars - pos);
        let narrowed = (2..=longest).rev().find_map(|len| {
            let bearers = places.areas_by_name.get(&region[boundaries[pos]..boundaries[pos + len]])?;
            let within: Vec<u16> = if candidates.is_empty() {
                bearers.clone()
            } else {
                bearers.iter().copied().filter(|&b| candidates.iter().any(|&c| places.is_ancestor_or_self(c, b))).collect()
            };
            (!within.is_empty()).then_some((within, len))
        });
        match narrowed {
            // Keep the deepest candidates (吉林省 then 吉林市: the city).
            Some((within, len)) => {
                candidates = within;
                pos += len;
            }
            None => pos += 1,
        }
    }
    // A name borne by nested areas (临夏州 ⊃ 临夏市) resolves to the outermost.
    candidates.sort_by_key(|&i| (places.areas[i as usize].level, places.areas[i as usize].code));
    candidates.dedup();
    match candidates.first() {
        Some(&top) if candidates.iter().all(|&c| places.is_ancestor_or_self(top, c)) => {
            places.chain(top).into_iter().map(PlaceId).collect()
        }
        _ => Vec::new(),
    }
}

/// The administrative area an agency's name (or address) names, as 所辖行政区域 is written:
/// 「通榆县边昭镇人民政府」 → 「吉林省白城市通榆县」. `None` when nothing or something ambiguous is
/// recognised, or the table is not there.
pub fn region_of(name: &str) -> Option<String> {
    region_chain(name).first().map(|&id| full_name_path(id))
}

/// Full names from the province down, e.g. 「河南省郑州市新郑市」.
pub fn full_name_path(id: PlaceId) -> String {
    places().map_or_else(String::new, |places| places.full_path(id.0))
}

/// Every place name in `text`, of any region: names flagged ambiguous or common words, and
/// matches that straddle a word boundary, are left out.
pub fn mentions(text: &str) -> Vec<PlaceMention> {
    let Some(places) = places() else { return Vec::new() };
    let mut found = Vec::new();
    for hit in places.matcher.find_iter(text) {
        let name = &places.names[hit.term];
        if !name.usable || straddles_a_word(text, hit.start, hit.end) {
            continue;
        }
        let matched = &text[hit.start..hit.end];
        let is_full_name = name.areas.iter().any(|&a| places.areas[a as usize].full_name == matched);
        // A short name beginning or ending with 和 next to another Chinese character is the
        // conjunction: 「建议和政协」 holds no 和政.
        let conjunction = !is_full_name
            && ((matched.starts_with('和') && text[..hit.start].chars().next_back().is_some_and(is_cjk))
                || (matched.ends_with('和') && text[hit.end..].chars().next().is_some_and(is_cjk)));
        if !conjunction {
            found.push(PlaceMention { start: hit.start, end: hit.end, name: hit.term });
        }
    }
    found
}

/// The mentions (from [`mentions`] of `text`) of areas outside the agency's region. `own` is
/// the agency's area and/or its ancestors (typically [`region_chain`]'s result): names of
/// those areas, of their ancestors and of the descendants of the deepest ones are left out.
pub fn foreign_places(text: &str, mentions: &[PlaceMention], own: &[PlaceId]) -> Vec<PlaceHit> {
    let Some(places) = places() else { return Vec::new() };
    let mut related: HashSet<u16> = HashSet::new();
    for &PlaceId(area) in own {
        related.extend(places.chain(area));
    }
    // The deepest own areas: those that are no ancestor of another own area.
    let deepest: Vec<u16> = own
        .iter()
        .map(|o| o.0)
        .filter(|&o| !own.iter().any(|other| other.0 != o && places.is_ancestor_or_self(o, other.0)))
        .collect();
    let own_provinces: HashSet<u16> = own.iter().map(|o| places.province(o.0)).collect();
    let is_related = |area: u16| related.contains(&area) || deepest.iter().any(|&d| places.is_ancestor_or_self(d, area));

    let mut hits = Vec::new();
    for mention in mentions {
        let name = &places.names[mention.name];
        if name.areas.iter().any(|&a| is_related(a)) {
            continue;
        }
        let area_index = name.areas[0];
        let area = &places.areas[area_index as usize];
        hits.push(PlaceHit {
            start: mention.start,
            end: mention.end,
            name: text[mention.start..mention.end].to_string(),
            belongs_to: match area.parent {
                Some(parent) => places.full_path(parent),
                None => area.full_name.to_string(),
            },
            id: PlaceId(area_index),
            same_province: own_provinces.contains(&places.province(area_index)),
        });
    }
    hits
}

/// True when a [`BLOCKERS`] word overlaps `start..end` without lying inside it.
fn straddles_a_word(text: &str, start: usize, end: usize) -> bool {
    // A window of up to 3 characters either side.
    let window_start = text[..start].char_indices().rev().nth(2).map_or(0, |(i, _)| i);
    let window_end = end + text[end..].char_indices().nth(3).map_or(text.len() - end, |(i, _)| i);
    let window = &text[window_start..window_end];
    BLOCKERS.iter().any(|word| {
        window.match_indices(word).any(|(offset, _)| {
            let (word_start, word_end) = (window_start + offset, window_start + offset + word.len());
            word_start < end && word_end > start && !(word_start >= start && word_end <= end)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(region: &str) -> Vec<PlaceId> {
        let chain = region_chain(region);
        assert!(!chain.is_empty(), "unresolved {region}");
        chain
    }

    const TABLE_FOR_TESTS: &str = include_str!("../../data/places.tsv");

    fn find(text: &str, own: &[PlaceId]) -> Vec<PlaceHit> {
        foreign_places(text, &mentions(text), own)
    }

    fn name_and_code(id: PlaceId) -> (&'static str, u32) {
        let area = &places().unwrap().areas[id.0 as usize];
        (area.full_name, area.code)
    }

    #[test]
    fn the_table_has_every_province_and_county() {
        let places = places().expect("built in for the tests");
        assert_eq!(install(TABLE_FOR_TESTS.to_string()), Ok(false), "built in: nothing to install");
        assert!(install("not a table".into()).is_err() || available());
        assert!(places.areas.len() > 3000, "{}", places.areas.len());
        assert_eq!(places.areas.iter().filter(|a| a.level == PlaceLevel::Province).count(), 31);
    }

    #[test]
    fn an_agency_name_gives_its_region() {
        assert_eq!(region_of("通榆县边昭镇人民政府").as_deref(), Some("吉林省白城市通榆县"));
        assert_eq!(region_of("白城市教育局").as_deref(), Some("吉林省白城市"));
        assert_eq!(region_of("朝阳区民政局"), None, "ambiguous");
        assert_eq!(region_of("某某机关"), None);
    }

    #[test]
    fn regions_resolve_to_the_area_and_its_ancestors() {
        let chain = region_chain("吉林省白城市通榆县");
        let names: Vec<_> = chain.iter().map(|&i| name_and_code(i).0).collect();
        assert_eq!(names, ["通榆县", "白城市", "吉林省"]);
        assert_eq!(name_and_code(chain[0]).1, 220822);
        assert_eq!(region_chain("通榆县"), chain);
        assert_eq!(region_chain("白城市通榆县"), chain);
        assert_eq!(region_chain("吉林省白城市通榆县人民政府"), chain);
        assert_eq!(full_name_path(region_chain("北京市朝阳区")[0]), "北京市朝阳区");
        assert_eq!(full_name_path(region_chain("吉林省吉林市")[0]), "吉林省吉林市");
        assert_eq!(full_name_path(region_chain("河南省济源市")[0]), "河南省济源市");
        assert_eq!(full_name_path(region_chain("新郑市")[0]), "河南省郑州市新郑市");
        assert!(region_chain("朝阳区").is_empty(), "ambiguous alone");
        assert!(region_chain("某某单位").is_empty());
    }

    #[test]
    fn the_seed_example_is_found() {
        let text = "为和谐新郑建设发挥积极作用";
        let hits = find(text, &own("吉林省白城市通榆县"));
        assert_eq!(hits.len(), 1, "{hits:?}");
        let hit = &hits[0];
        assert_eq!(hit.name, "新郑");
        assert_eq!(hit.belongs_to, "河南省郑州市");
        assert_eq!(&text[hit.start..hit.end], "新郑");
        assert!(!hit.same_province);
    }

    #[test]
    fn the_own_region_and_its_ancestors_are_not_foreign() {
        let text = "通榆县人民政府在吉林省白城市的领导下，通榆、白城、吉林全面推进政务公开。";
        assert_eq!(mentions(text).len(), 6, "{:?}", mentions(text));
        assert!(find(text, &own("吉林省白城市通榆县")).is_empty(), "{:?}", find(text, &own("吉林省白城市通榆县")));
    }

    #[test]
    fn descendants_are_not_foreign_siblings_are() {
        let own = own("吉林省白城市");
        assert!(find("通榆县和洮南市", &own).is_empty());
        let hits = find("学习长春市经验", &own);
        assert_eq!(hits.len(), 1);
        assert!(hits[0].same_province);
    }

    #[test]
    fn ambiguous_names_are_no_mentions() {
        for text in ["朝阳", "鼓楼", "朝阳区和鼓楼区", "城关镇城区郊区"] {
            assert!(mentions(text).is_empty(), "{text}: {:?}", mentions(text));
        }
    }

    #[test]
    fn common_words_are_no_mentions() {
        let text = "会同有关部门，坚持科教兴国，推动乡村振兴，建设平安中国，比如延长办理时限，实现合作共赢，中华人民共和国政府信息公开条例";
        assert!(mentions(text).is_empty(), "{:?}", mentions(text));
    }

    #[test]
    fn matches_across_a_word_boundary_are_no_mentions() {
        for text in ["人大代表建议和政协提案", "推进依法行政和保障人民群众知情权", "人民勤劳", "创新和完善", "稳定和安全", "同心同德", "合作市场"] {
            assert!(mentions(text).is_empty(), "{text}: {:?}", mentions(text));
        }
        // A real mention next to a frequent word is still found.
        assert_eq!(find("赴民勤县学习", &own("吉林省白城市通榆县")).len(), 1);
    }

    #[test]
    fn a_city_of_another_province_is_foreign() {
        let hits = find("郑州市", &own("吉林省"));
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].name, "郑州市");
        assert_eq!(hits[0].belongs_to, "河南省");
        assert_eq!(places().unwrap().areas[hits[0].id.0 as usize].level, PlaceLevel::City);
        assert_eq!(full_name_path(hits[0].id), "河南省郑州市");
    }

    #[test]
    fn a_short_name_inside_a_longer_one_is_one_mention() {
        let hits = find("郑州市新郑市", &own("吉林省"));
        let names: Vec<_> = hits.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["郑州市", "新郑市"]);
    }

    /// Ten kilobytes of prose, as a long 总体情况 has: every repetition is found, none more.
    #[test]
    fn a_long_text_yields_every_mention_once() {
        let paragraph = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，为和谐新郑建设发挥积极作用，\
                         推进郑州市政务公开标准化规范化，通榆县人民政府办公室负责本行政区域政府信息公开工作。";
        let repeats = 10 * 1024 / paragraph.len() + 1;
        let text = paragraph.repeat(repeats);
        let hits = find(&text, &own("吉林省白城市通榆县"));
        let names: Vec<&str> = hits.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["新郑", "郑州市"].repeat(repeats));
        assert!(hits.windows(2).all(|w| w[0].end <= w[1].start), "in order, not overlapping");
    }
}
