use super::text::Limit;
use super::fix::{Applicability, Fix};
use super::text::{char_at, char_before, clause_around, prose, Terms};
use super::{declare_rule, Context, Finding};
use crate::model::{Agency, Level};

declare_rule! {
    /// ## 检查内容
    /// 与本机关不相符的范围用语（全镇、全乡、全县、全市、全省…）：
    /// 例如“镇”写了“全乡”（另一类乡镇的说法），或者把“全县”“全省”当作本机关的范围；
    /// 县级政府部门写了“全市”。机关的类别根据 `agency.level` 和机关名称的后缀（镇、乡、街道、县、
    /// 区、市）判断；政府部门按其所在行政区域的类别判断。
    ///
    /// 引用上级或与上级比较的，不报告：提到上级机关或上级工作部署的分句（「在县政府的正确领导下」
    /// 「按照省政府要求」「参加全县培训」「在全县考核中名列前茅」
    /// 「全省一体化政务服务平台」）不报告；只是恰好包含这些字的词语（健全县级…、全市场）也不报告。
    ///
    /// 修正：改为本机关的范围用语（如「全镇」），需要复核：也可能是引用上级而没有写明。
    ///
    /// ## 为什么重要
    /// 乡镇的报告中出现「组织推动全省政府信息公开工作」，显然是从省级报告中抄来的；
    /// 审核人员一眼就能看出，并会怀疑其余内容。
    ///
    /// ## 示例
    /// 错误写法（某镇）：「由专门办公室负责全乡信息的收集」「组织推动全省政府信息公开工作」。
    ///
    /// 正确写法：「由专门办公室负责全镇信息的收集」「组织推动全镇政府信息公开工作」。
    code: "T003",
    name: "scope-mismatch",
    severity: Warning,
    inputs: Prose,
    summary: "正文中的「全镇/全乡/全县/全市/全省」等范围用语与本机关不符",
    check: check,
}

/// Scope words, each with the kind of area it names.
const SCOPES: &[(&str, Area)] = &[
    ("全镇", Area::Town),
    ("全乡", Area::Xiang),
    ("全街道", Area::Street),
    ("全县", Area::County),
    ("全旗", Area::County),
    ("全市", Area::City),
    ("全州", Area::Prefecture),
    ("全盟", Area::Prefecture),
    ("全省", Area::Province),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    Town,
    Xiang,
    Street,
    County,
    District,
    /// A city: prefecture-level (or, as a scope word, any 全市).
    City,
    /// A county-level city (an agency only).
    CountyCity,
    Prefecture,
    Province,
}

impl Area {
    fn word(self) -> &'static str {
        match self {
            Area::Town => "全镇",
            Area::Xiang => "全乡",
            Area::Street => "全街道",
            Area::County => "全县",
            Area::District => "全区",
            Area::City | Area::CountyCity => "全市",
            Area::Prefecture => "全州",
            Area::Province => "全省",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Area::Town => "镇",
            Area::Xiang => "乡",
            Area::Street => "街道",
            Area::County => "县",
            Area::District => "区",
            Area::City => "市",
            Area::CountyCity => "县级市",
            Area::Prefecture => "州",
            Area::Province => "省",
        }
    }
}

/// How a scope word relates to the agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// Its own area, a lower one, or one we cannot judge.
    Fine,
    /// A township of another kind (全乡 in a 镇): never right.
    Sibling,
    /// A higher or parallel area: wrong as the agency's own scope, fine when quoted.
    Foreign,
}


/// Words that show a clause quotes or compares with a higher level instead of describing the
/// agency's own scope.
static QUOTING: Terms = Terms::new(|| {
    vec![
        "县政府", "市政府", "省政府", "州政府", "区政府", "县委", "市委", "省委", "州委", "区委", "人民政府", "上级",
        "政府办", "按照", "根据", "依照", "遵照", "落实", "贯彻", "响应", "配合", "围绕", "部署", "要求", "领导",
        "指导", "统一", "一体化", "平台", "参加", "参与", "出席", "召开", "举办", "组织的", "评为", "排名", "名列",
        "位列", "前列", "第一", "率先", "之一", "表彰", "通报", "考核", "评估", "范围内", "会议", "培训班",
    ]
});

/// The area the agency itself covers, from its level and the suffix of its name or region.
fn own_area(agency: &Agency) -> Option<Area> {
    let name = agency.name.trim_end_matches("人民政府").trim_end_matches("办事处").trim_end_matches("政府");
    let from_suffix = |s: &str| -> Option<Area> {
        if s.ends_with("街道") {
            Some(Area::Street)
        } else if s.ends_with('镇') {
            Some(Area::Town)
        } else if s.ends_with('乡') {
            Some(Area::Xiang)
        } else if s.ends_with('县') || s.ends_with('旗') {
            Some(Area::County)
        } else if s.ends_with('区') {
            Some(Area::District)
        } else if s.ends_with('市') {
            Some(Area::City)
        } else if s.ends_with('州') || s.ends_with('盟') {
            Some(Area::Prefecture)
        } else if s.ends_with('省') {
            Some(Area::Province)
        } else {
            None
        }
    };
    match agency.level? {
        Level::Township => from_suffix(name).filter(|a| matches!(a, Area::Town | Area::Xiang | Area::Street)),
        Level::County => match from_suffix(name)? {
            Area::City => Some(Area::CountyCity),
            a @ (Area::County | Area::District) => Some(a),
            _ => None,
        },
        Level::City => Some(from_suffix(name).filter(|a| *a == Area::Prefecture).unwrap_or(Area::City)),
        Level::Province => Some(Area::Province),
        Level::Department => from_suffix(agency.region.trim()),
        Level::StateCouncilDept => None,
    }
}

fn fit(own: Area, word: Area) -> Fit {
    use Area::*;
    match (own, word) {
        (Town | Xiang | Street, Town | Xiang | Street) if own != word => Fit::Sibling,
        (Town | Xiang | Street, County | City | Prefecture | Province) => Fit::Foreign,
        (County, City | Prefecture | Province) => Fit::Foreign,
        // A district has no 全县, a county-level city neither.
        (District | CountyCity, County) => Fit::Foreign,
        (District, City | Prefecture | Province) => Fit::Foreign,
        (CountyCity, Prefecture | Province) => Fit::Foreign,
        (City | Prefecture, Province) => Fit::Foreign,
        _ => Fit::Fine,
    }
}

/// Whether the scope word at `start..end` is only part of a longer word (健全县级, 全市场, 全乡镇).
fn part_of_other_word(text: &str, start: usize, end: usize, word: Area) -> bool {
    let before = char_before(text, start);
    let after = char_at(text, end);
    let joined_before = before.is_some_and(|c| "健完安齐周保成顾万双俱不两求".contains(c));
    let joined_after = match word {
        Area::City => after.is_some_and(|c| "场政".contains(c)),
        Area::Xiang | Area::Town => after.is_some_and(|c| "镇街".contains(c)),
        Area::County => after.is_some_and(|c| c == '区'),
        _ => false,
    };
    joined_before || joined_after
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let Some(own) = own_area(&ctx.report.agency) else { return };
    for (field, text) in prose(ctx.report) {
        // Every scope word begins with 全: find those, then look at what follows.
        let limit = Limit::new(out);
        for (at, _) in text.match_indices('全') {
            if limit.reached(out) {
                break;
            }
            let Some(&(written, word)) = SCOPES.iter().find(|(w, _)| text[at..].starts_with(w)) else { continue };
            let hit = super::text::TermHit { term: 0, start: at, end: at + written.len() };
            let fit = fit(own, word);
            if fit == Fit::Fine || part_of_other_word(text, hit.start, hit.end, word) {
                continue;
            }
            let (s, e) = clause_around(text, hit.start, hit.end);
            // Look on both sides, not across the word itself (「全省政府」 holds 「省政府」).
            if fit == Fit::Foreign && (QUOTING.any_in(&text[s..hit.start]) || QUOTING.any_in(&text[hit.end..e])) {
                continue;
            }
            let clause = text[s..e].trim();
            let written = &text[hit.start..hit.end];
            let message = match fit {
                Fit::Sibling => format!(
                    "本机关是{}，{}却写作「{written}」（「{clause}」）：应为「{}」，多为套用其他乡镇材料所致",
                    own.name(),
                    field.label(),
                    own.word()
                ),
                _ => format!(
                    "本机关是{}，{}以「{written}」为本机关的工作范围（「{clause}」）：本机关的范围应为「{}」；\
                     若是引用上级的部署或要求，请写明（如「按照{}政府要求」）",
                    own.name(),
                    field.label(),
                    own.word(),
                    word.name()
                ),
            };
            // A scope word changes what the sentence claims: a person confirms it.
            let fix = Fix::replace(field.path(), text, hit.start, hit.end, own.word(), Applicability::Review);
            out.push(Finding::new(&RULE, message).with_text_span(field, text, hit.start, hit.end).with_fix(fix));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agency(name: &str, level: Level, region: &str) -> Agency {
        Agency { name: name.into(), level: Some(level), region: region.into(), ..Agency::default() }
    }

    #[test]
    fn knows_the_agency_area() {
        assert_eq!(own_area(&agency("通榆县边昭镇", Level::Township, "")), Some(Area::Town));
        assert_eq!(own_area(&agency("某某乡人民政府", Level::Township, "")), Some(Area::Xiang));
        assert_eq!(own_area(&agency("新华街道办事处", Level::Township, "")), Some(Area::Street));
        assert_eq!(own_area(&agency("新郑市人民政府", Level::County, "")), Some(Area::CountyCity));
        assert_eq!(own_area(&agency("白城市人民政府", Level::City, "")), Some(Area::City));
        assert_eq!(own_area(&agency("通榆县教育局", Level::Department, "吉林省白城市通榆县")), Some(Area::County));
        assert_eq!(own_area(&agency("教育部", Level::StateCouncilDept, "")), None);
    }

    #[test]
    fn judges_scope_words() {
        assert_eq!(fit(Area::Town, Area::Xiang), Fit::Sibling);
        assert_eq!(fit(Area::Town, Area::Town), Fit::Fine);
        assert_eq!(fit(Area::Town, Area::Province), Fit::Foreign);
        assert_eq!(fit(Area::County, Area::Town), Fit::Fine);
        assert_eq!(fit(Area::City, Area::City), Fit::Fine);
        assert_eq!(fit(Area::City, Area::County), Fit::Fine);
        assert_eq!(fit(Area::CountyCity, Area::County), Fit::Foreign);
        assert_eq!(fit(Area::CountyCity, Area::City), Fit::Fine);
        assert!(part_of_other_word("健全县级公开制度", "健".len(), "健全县".len(), Area::County));
        assert!(part_of_other_word("全市场主体", 0, "全市".len(), Area::City));
        assert!(!part_of_other_word("负责全乡信息", "负责".len(), "负责全乡".len(), Area::Xiang));
    }
}
