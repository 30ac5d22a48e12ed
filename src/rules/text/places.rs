//! China's province-, city- and county-level administrative names, and a
//! finder for place names of *another* region in a report's text (rule T004).
//!
//! Data: `src/data/places.tsv`, generated from `@vant/area-data` (MIT) by
//! `src/data/gen_places.mjs`; see `src/data/PLACES.md` for the format and the
//! rules for short names and ambiguity. The table is parsed lazily, once.
//!
//! Only dependency: the `aho-corasick` crate (1.x), which builds for wasm32.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Input, MatchKind};

static TABLE: &str = include_str!("../../data/places.tsv");

/// An administrative unit of the table (index into it; stable only for one
/// build of the table — use [`place_code`] to persist).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PlaceId(u16);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Province,
    City,
    County,
}

/// A place name of another region found in a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceHit {
    /// Byte offsets into the searched text.
    pub start: usize,
    pub end: usize,
    /// The name as written in the text (e.g. "新郑" or "郑州市").
    pub name: String,
    /// Full path of the unit's parent (e.g. "河南省郑州市" for 新郑); for a
    /// province, its own full name.
    pub belongs_to: String,
    /// The unit the name designates.
    pub id: PlaceId,
    pub level: Level,
    /// True when the unit lies in the same province as the agency (a
    /// sibling city/county): weaker evidence of copied text than another
    /// province.
    pub same_province: bool,
}

// Flag bits (see PLACES.md): A/W apply to the full name, a/w/o to the short.
const F_AMBIGUOUS: u8 = 1;
const F_COMMON: u8 = 2;
const F_ONE_CHAR: u8 = 4;

struct Unit {
    code: u32,
    level: Level,
    full: &'static str,
    short: &'static str,
    parent: Option<u16>,
    full_flags: u8,
    short_flags: u8,
}

struct Pattern {
    /// Units bearing this string (as full or short name), highest level first.
    ids: Vec<u16>,
    /// False when any use of the string is flagged (ambiguous, common word,
    /// one character): such a match only masks what it covers.
    usable: bool,
}

struct Places {
    units: Vec<Unit>,
    /// Full and short names (two characters or more) -> units, for
    /// [`region_chain`].
    by_name: HashMap<&'static str, Vec<u16>>,
    max_name_chars: usize,
    ac: NFA,
    patterns: Vec<Pattern>,
}

/// Following text that makes a preceding place name part of a road, company
/// or institution name ("新郑路", "郑州银行", "南开大学").
#[rustfmt::skip]
const NOT_PLACE_SUFFIXES: &[&str] = &[
    "路", "街", "大道", "大街", "巷", "胡同", "公司", "集团", "银行", "有限", "股份", "控股", "农商",
    "商行", "证券", "交易所", "大学", "学院", "医院", "酒店", "宾馆", "饭店", "商场", "小区",
];

/// Frequent words that, when they overlap a match without containing it,
/// show that the match straddles a word boundary and is no place name:
/// "合作市场" is 合作+市场, not 合作市; "行政和保障" holds no 政和;
/// "人民勤劳" no 民勤; "创新和" no 新和; "加大新媒体" no 大新. At most 4 characters each.
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

/// Characters that, next to a short name beginning or ending with 和, show
/// 和 is the conjunction ("建议和政协" holds no 和政).
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}')
}

fn flags(s: &str) -> (u8, u8) {
    let (mut f, mut sh) = (0, 0);
    for c in s.chars() {
        match c {
            'A' => f |= F_AMBIGUOUS,
            'W' => f |= F_COMMON,
            'a' => sh |= F_AMBIGUOUS,
            'w' => sh |= F_COMMON,
            'o' => sh |= F_ONE_CHAR,
            _ => {}
        }
    }
    (f, sh)
}

fn parse_units() -> Vec<Unit> {
    let mut rows: Vec<(u32, Level, &'static str, &'static str, u32, u8, u8)> =
        Vec::with_capacity(3300);
    for line in TABLE.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut it = line.split('\t');
        let (Some(code), Some(level), Some(full), Some(short), Some(parent), Some(fl)) = (
            it.next(),
            it.next(),
            it.next(),
            it.next(),
            it.next(),
            it.next(),
        ) else {
            panic!("places.tsv: bad line {line:?}");
        };
        let level = match level {
            "p" => Level::Province,
            "c" => Level::City,
            _ => Level::County,
        };
        let (ff, sf) = flags(fl);
        rows.push((
            code.parse().expect("places.tsv: code"),
            level,
            full,
            short,
            parent.parse().unwrap_or(0),
            ff,
            sf,
        ));
    }
    let index: HashMap<u32, u16> = rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.0, i as u16))
        .collect();
    rows.into_iter()
        .map(
            |(code, level, full, short, parent, full_flags, short_flags)| Unit {
                code,
                level,
                full,
                short,
                parent: index.get(&parent).copied(),
                full_flags,
                short_flags,
            },
        )
        .collect()
}

fn places() -> &'static Places {
    static P: OnceLock<Places> = OnceLock::new();
    P.get_or_init(|| {
        let units = parse_units();
        // string -> (units, usable)
        let mut pats: Vec<&'static str> = Vec::with_capacity(6500);
        let mut info: HashMap<&'static str, usize> = HashMap::with_capacity(6500);
        let mut patterns: Vec<Pattern> = Vec::with_capacity(6500);
        let mut by_name: HashMap<&'static str, Vec<u16>> = HashMap::with_capacity(6500);
        let mut max_name_chars = 0;
        for (i, u) in units.iter().enumerate() {
            for (name, fl) in [(u.full, u.full_flags), (u.short, u.short_flags)] {
                if name.is_empty() {
                    continue;
                }
                let k = *info.entry(name).or_insert_with(|| {
                    pats.push(name);
                    patterns.push(Pattern {
                        ids: Vec::new(),
                        usable: true,
                    });
                    patterns.len() - 1
                });
                let p = &mut patterns[k];
                if !p.ids.contains(&(i as u16)) {
                    p.ids.push(i as u16);
                }
                p.usable &= fl == 0;
                if fl & F_ONE_CHAR == 0 {
                    let v = by_name.entry(name).or_default();
                    if !v.contains(&(i as u16)) {
                        v.push(i as u16);
                    }
                    max_name_chars = max_name_chars.max(name.chars().count());
                }
            }
        }
        for p in &mut patterns {
            p.ids
                .sort_by_key(|&i| (units[i as usize].level, units[i as usize].code));
        }
        let ac = NFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&pats)
            .expect("places automaton");
        Places {
            units,
            by_name,
            max_name_chars,
            ac,
            patterns,
        }
    })
}

impl Places {
    fn parent(&self, i: u16) -> Option<u16> {
        self.units[i as usize].parent
    }
    fn is_ancestor_or_self(&self, anc: u16, mut i: u16) -> bool {
        loop {
            if i == anc {
                return true;
            }
            match self.parent(i) {
                Some(p) => i = p,
                None => return false,
            }
        }
    }
    fn province(&self, mut i: u16) -> u16 {
        while let Some(p) = self.parent(i) {
            i = p;
        }
        i
    }
    fn path(&self, i: u16) -> String {
        let mut chain = vec![i];
        let mut c = i;
        while let Some(p) = self.parent(c) {
            chain.push(p);
            c = p;
        }
        chain
            .iter()
            .rev()
            .map(|&j| self.units[j as usize].full)
            .collect()
    }
}

/// Resolves an agency's region string ("吉林省白城市通榆县", "白城市通榆县",
/// "通榆县", "北京市朝阳区", also with trailing text such as "人民政府") to
/// the unit and its ancestors: `[unit, parent, …, province]`. Returns an empty
/// vector when nothing is recognised or the string stays ambiguous
/// ("朝阳区" alone).
pub fn region_chain(region: &str) -> Vec<PlaceId> {
    let p = places();
    let bounds: Vec<usize> = region
        .char_indices()
        .map(|(b, _)| b)
        .chain([region.len()])
        .collect();
    let nchars = bounds.len() - 1;
    let mut cands: Vec<u16> = Vec::new();
    let mut pos = 0;
    while pos < nchars {
        let mut advanced = false;
        let maxlen = p.max_name_chars.min(nchars - pos);
        for len in (2..=maxlen).rev() {
            let Some(ids) = p.by_name.get(&region[bounds[pos]..bounds[pos + len]]) else {
                continue;
            };
            let next: Vec<u16> = if cands.is_empty() {
                ids.clone()
            } else {
                ids.iter()
                    .copied()
                    .filter(|&id| cands.iter().any(|&c| p.is_ancestor_or_self(c, id)))
                    .collect()
            };
            if next.is_empty() {
                continue;
            }
            // Keep the deepest candidates (吉林省 then 吉林市: the city).
            cands = next;
            pos += len;
            advanced = true;
            break;
        }
        if !advanced {
            pos += 1;
        }
    }
    // A name used by nested units (临夏州 ⊃ 临夏市) resolves to the outermost.
    cands.sort_by_key(|&i| (p.units[i as usize].level, p.units[i as usize].code));
    cands.dedup();
    let top = match cands.first() {
        Some(&t) if cands.iter().all(|&c| p.is_ancestor_or_self(t, c)) => t,
        _ => return Vec::new(),
    };
    let mut out = vec![PlaceId(top)];
    let mut c = top;
    while let Some(par) = p.parent(c) {
        out.push(PlaceId(par));
        c = par;
    }
    out
}

/// Full names from the province down, e.g. "河南省郑州市新郑市".
pub fn full_name_path(id: PlaceId) -> String {
    places().path(id.0)
}

/// The unit's full name, e.g. "新郑市".
pub fn place_name(id: PlaceId) -> &'static str {
    places().units[id.0 as usize].full
}

/// The unit's 6-digit 行政区划代码.
pub fn place_code(id: PlaceId) -> u32 {
    places().units[id.0 as usize].code
}

pub fn place_level(id: PlaceId) -> Level {
    places().units[id.0 as usize].level
}

pub fn place_parent(id: PlaceId) -> Option<PlaceId> {
    places().parent(id.0).map(PlaceId)
}

/// Finds place names of other regions in `text`. `own` is the agency's unit
/// and/or its ancestors (typically [`region_chain`]'s result); names of those
/// units, of their ancestors and of the descendants of the deepest ones are
/// not reported, nor are ambiguous or common-word names, names followed by
/// 路/街/公司/银行/大学 …, and short names inside a longer known name.
pub fn find_foreign_places(text: &str, own: &[PlaceId]) -> Vec<PlaceHit> {
    let p = places();
    // Ancestors-or-self of every own unit.
    let mut related: HashSet<u16> = HashSet::new();
    for &PlaceId(o) in own {
        let mut c = Some(o);
        while let Some(i) = c {
            related.insert(i);
            c = p.parent(i);
        }
    }
    // Leaves: own units that are no ancestor of another own unit.
    let leaves: Vec<u16> = own
        .iter()
        .map(|o| o.0)
        .filter(|&o| {
            !own.iter()
                .any(|x| x.0 != o && p.is_ancestor_or_self(o, x.0))
        })
        .collect();
    let own_provinces: HashSet<u16> = own.iter().map(|o| p.province(o.0)).collect();
    let is_related =
        |i: u16| related.contains(&i) || leaves.iter().any(|&l| p.is_ancestor_or_self(l, i));

    let mut hits = Vec::new();
    for m in p.ac.try_find_iter(Input::new(text)).expect("a leftmost automaton searches unanchored") {
        let pat = &p.patterns[m.pattern().as_usize()];
        if !pat.usable || pat.ids.iter().any(|&i| is_related(i)) {
            continue;
        }
        let (start, end) = (m.start(), m.end());
        let rest = &text[end..];
        if NOT_PLACE_SUFFIXES.iter().any(|s| rest.starts_with(s)) {
            continue;
        }
        if blocked(text, start, end) {
            continue;
        }
        let matched = &text[start..end];
        let is_full = pat.ids.iter().any(|&i| p.units[i as usize].full == matched);
        if !is_full
            && ((matched.starts_with('和')
                && text[..start].chars().next_back().is_some_and(is_cjk))
                || (matched.ends_with('和') && rest.chars().next().is_some_and(is_cjk)))
        {
            continue;
        }
        let id = pat.ids[0];
        let u = &p.units[id as usize];
        hits.push(PlaceHit {
            start,
            end,
            name: text[start..end].to_string(),
            belongs_to: match u.parent {
                Some(par) => p.path(par),
                None => u.full.to_string(),
            },
            id: PlaceId(id),
            level: u.level,
            same_province: own_provinces.contains(&p.province(id)),
        });
    }
    hits
}

/// True when a blocker word overlaps `start..end` without lying inside it.
fn blocked(text: &str, start: usize, end: usize) -> bool {
    // Window: up to 3 characters either side.
    let mut ws = start;
    for _ in 0..3 {
        match text[..ws].chars().next_back() {
            Some(c) => ws -= c.len_utf8(),
            None => break,
        }
    }
    let mut we = end;
    for _ in 0..3 {
        match text[we..].chars().next() {
            Some(c) => we += c.len_utf8(),
            None => break,
        }
    }
    let window = &text[ws..we];
    BLOCKERS.iter().any(|b| {
        window.match_indices(b).any(|(off, _)| {
            let (bs, be) = (ws + off, ws + off + b.len());
            bs < end && be > start && !(bs >= start && be <= end)
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own(region: &str) -> Vec<PlaceId> {
        let c = region_chain(region);
        assert!(!c.is_empty(), "unresolved {region}");
        c
    }

    #[test]
    fn table_parses() {
        let p = places();
        assert!(p.units.len() > 3000, "{}", p.units.len());
        assert_eq!(
            p.units
                .iter()
                .filter(|u| u.level == Level::Province)
                .count(),
            31
        );
    }

    #[test]
    fn region_chain_resolves() {
        let c = region_chain("吉林省白城市通榆县");
        let names: Vec<_> = c.iter().map(|&i| place_name(i)).collect();
        assert_eq!(names, ["通榆县", "白城市", "吉林省"]);
        assert_eq!(place_code(c[0]), 220822);
        assert_eq!(region_chain("通榆县"), c);
        assert_eq!(region_chain("白城市通榆县"), c);
        assert_eq!(region_chain("吉林省白城市通榆县人民政府"), c);
        assert_eq!(
            full_name_path(region_chain("北京市朝阳区")[0]),
            "北京市朝阳区"
        );
        assert_eq!(
            full_name_path(region_chain("吉林省吉林市")[0]),
            "吉林省吉林市"
        );
        assert_eq!(
            full_name_path(region_chain("河南省济源市")[0]),
            "河南省济源市"
        );
        assert!(region_chain("朝阳区").is_empty(), "ambiguous alone");
        assert!(region_chain("某某单位").is_empty());
    }

    #[test]
    fn full_path() {
        let id = region_chain("新郑市")[0];
        assert_eq!(full_name_path(id), "河南省郑州市新郑市");
        assert_eq!(place_level(id), Level::County);
    }

    #[test]
    fn seed_example() {
        let hits = find_foreign_places("为和谐新郑建设发挥积极作用", &own("吉林省白城市通榆县"));
        assert_eq!(hits.len(), 1, "{hits:?}");
        let h = &hits[0];
        assert_eq!(h.name, "新郑");
        assert_eq!(h.belongs_to, "河南省郑州市");
        assert_eq!(&"为和谐新郑建设发挥积极作用"[h.start..h.end], "新郑");
        assert!(!h.same_province);
    }

    #[test]
    fn own_region_and_ancestors_not_flagged() {
        let o = own("吉林省白城市通榆县");
        let t = "通榆县人民政府在吉林省白城市的领导下，通榆、白城、吉林全面推进政务公开。";
        assert!(
            find_foreign_places(t, &o).is_empty(),
            "{:?}",
            find_foreign_places(t, &o)
        );
    }

    #[test]
    fn descendants_not_flagged_siblings_are() {
        let o = own("吉林省白城市");
        assert!(find_foreign_places("通榆县和洮南市", &o).is_empty());
        let hits = find_foreign_places("学习长春市经验", &o);
        assert_eq!(hits.len(), 1);
        assert!(hits[0].same_province);
    }

    #[test]
    fn ambiguous_not_flagged() {
        let o = own("吉林省白城市通榆县");
        assert!(find_foreign_places("朝阳", &o).is_empty());
        assert!(find_foreign_places("鼓楼", &o).is_empty());
        assert!(find_foreign_places("朝阳区和鼓楼区", &o).is_empty());
        assert!(find_foreign_places("城关镇城区郊区", &o).is_empty());
    }

    #[test]
    fn common_words_not_flagged() {
        let o = own("吉林省白城市通榆县");
        let t = "会同有关部门，坚持科教兴国，推动乡村振兴，建设平安中国，比如延长办理时限，实现合作共赢，中华人民共和国政府信息公开条例";
        assert!(
            find_foreign_places(t, &o).is_empty(),
            "{:?}",
            find_foreign_places(t, &o)
        );
    }

    #[test]
    fn word_boundary_bigrams_not_flagged() {
        let o = own("吉林省白城市通榆县");
        for t in [
            "人大代表建议和政协提案",
            "推进依法行政和保障人民群众知情权",
            "人民勤劳",
            "创新和完善",
            "稳定和安全",
            "同心同德",
        ] {
            assert!(
                find_foreign_places(t, &o).is_empty(),
                "{t}: {:?}",
                find_foreign_places(t, &o)
            );
        }
        // A real mention next to a frequent word is still found.
        assert_eq!(find_foreign_places("赴民勤县学习", &o).len(), 1);
    }

    #[test]
    fn roads_and_companies_not_flagged() {
        let o = own("吉林省白城市通榆县");
        assert!(find_foreign_places("位于新郑路", &o).is_empty());
        assert!(find_foreign_places("郑州银行", &o).is_empty());
        assert!(find_foreign_places("合作市场", &o).is_empty());
    }

    #[test]
    fn plain_city_flagged() {
        let hits = find_foreign_places("郑州市", &own("吉林省"));
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].name, "郑州市");
        assert_eq!(hits[0].belongs_to, "河南省");
        assert_eq!(hits[0].level, Level::City);
        assert_eq!(full_name_path(hits[0].id), "河南省郑州市");
    }

    #[test]
    fn short_inside_longer_name() {
        // 新郑市 is one hit, not 新郑 + something.
        let hits = find_foreign_places("郑州市新郑市", &own("吉林省"));
        let names: Vec<_> = hits.iter().map(|h| h.name.as_str()).collect();
        assert_eq!(names, ["郑州市", "新郑市"]);
    }

    #[test]
    fn timing() {
        let t0 = std::time::Instant::now();
        let _ = places();
        let build = t0.elapsed();
        let para = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，为和谐新郑建设发挥积极作用，\
                    推进郑州市政务公开标准化规范化，通榆县人民政府办公室负责本行政区域政府信息公开工作。";
        let mut text = String::new();
        while text.len() < 10 * 1024 {
            text.push_str(para);
        }
        let o = own("吉林省白城市通榆县");
        let t1 = std::time::Instant::now();
        let n = 100;
        let mut hits = 0;
        for _ in 0..n {
            hits += find_foreign_places(&text, &o).len();
        }
        let search = t1.elapsed() / n;
        eprintln!(
            "places: {} units, table {} bytes; parse+automaton {:?}; search over {} bytes: {:?} ({} hits)",
            places().units.len(),
            TABLE.len(),
            build,
            text.len(),
            search,
            hits / n as usize
        );
    }
}
