//! The agency, the year and the contact details, from the title and the preamble.

use crate::model::{Level, Report};
use crate::rules::text::places::region_of;

/// Fills `year` and `agency` from the title (if any) and the prose.
pub fn infer(report: &mut Report, title: Option<&str>) {
    let preamble = report.text.preamble.clone();
    let sources: Vec<&str> = title.into_iter().chain([preamble.as_str()]).collect();
    for source in &sources {
        if let Some((name, year)) = name_and_year(source) {
            if report.agency.name.is_empty() {
                report.agency.name = name;
            }
            report.year = report.year.or(Some(year));
        }
    }
    if report.year.is_none() {
        report.year = period_year(&preamble);
    }
    let name = report.agency.name.clone();
    report.agency.level = level(&name);
    let all = format!("{preamble}\n{}", report.text.other);
    report.agency.address = after_keyword(&all, &["办公地址", "通讯地址", "联系地址", "地址"], address_char).unwrap_or_default();
    report.agency.postcode = after_keyword(&all, &["邮政编码", "邮编"], |c| c.is_ascii_digit()).unwrap_or_default();
    report.agency.phone = after_keyword(&all, &["联系电话", "咨询电话", "电话"], phone_char)
        .map(|p| {
            let p = p.trim_end_matches(['-', '—', '－']);
            // 「（…电话：0527—83593059）」: the bracket closes the sentence's, not the number's.
            let open = p.matches(['(', '（']).count();
            if p.matches([')', '）']).count() > open {
                p.trim_end_matches([')', '）']).to_string()
            } else {
                p.to_string()
            }
        })
        .unwrap_or_default();
    report.agency.email = after_keyword(&all, &["电子邮箱", "电子邮件", "邮箱", "E-mail", "Email", "email"], |c| {
        c.is_ascii_alphanumeric() || "@._-".contains(c)
    })
    .filter(|e| e.contains('@'))
    .unwrap_or_default();
    // 所辖行政区域 as the place table knows it (what T004 reads from the name): 「通榆县边昭镇」 →
    // 「吉林省白城市通榆县」; failing that, the name of a government without 人民政府.
    report.agency.region = region_of(&name)
        .or_else(|| region_of(&report.agency.address))
        .or_else(|| name.strip_suffix("人民政府").map(str::to_string))
        .unwrap_or_default();
}

/// 「…现公布通榆县边昭镇2024年政府信息公开工作年度报告」 → (通榆县边昭镇, 2024); also the
/// titles as published: 「…2021年度政府信息公开工作年度报告」, 「…2023年政府信息公开年度报告」,
/// 「…2024 年政府信息公开工作年度报告」 (spaces from a PDF).
fn name_and_year(text: &str) -> Option<(String, i32)> {
    let spaces = |s: &str| s.trim_end_matches([' ', '\u{3000}', '\u{a0}']).len();
    for (at, _) in text.match_indices("年度报告") {
        let mut before = &text[..at];
        before = before.strip_suffix("工作").unwrap_or(before);
        let Some(rest) = before.strip_suffix("政府信息公开") else { continue };
        before = &rest[..spaces(rest)];
        before = before.strip_suffix("年度").or_else(|| before.strip_suffix('年')).unwrap_or(before);
        before = &before[..spaces(before)];
        let digits: String = before.chars().rev().take_while(|c| c.is_ascii_digit() || ('０'..='９').contains(c)).collect();
        if digits.chars().count() != 4 {
            continue;
        }
        let year: String = digits.chars().rev().map(|c| char::from_digit(c.to_digit(10).unwrap_or_else(|| c as u32 - '０' as u32), 10).unwrap_or('0')).collect();
        let Ok(year) = year.parse::<i32>() else { continue };
        let prefix = &before[..before.len() - digits.chars().map(char::len_utf8).sum::<usize>()];
        let prefix = &prefix[..spaces(prefix)];
        let cut = ["现公布", "公布", "现将", "发布", "《", "，", "。", "：", ",", " ", "\n"]
            .iter()
            .filter_map(|d| prefix.rfind(d).map(|i| i + d.len()))
            .max()
            .unwrap_or(0);
        let name = prefix[cut..].trim().to_string();
        return Some((name, year));
    }
    None
}

/// 「统计期限自2024年1月1日起」 → 2024.
fn period_year(text: &str) -> Option<i32> {
    let at = text.find("年1月1日")?;
    let digits: String = text[..at].chars().rev().take_while(char::is_ascii_digit).collect();
    (digits.len() == 4).then(|| digits.chars().rev().collect::<String>().parse().ok()).flatten()
}

/// The level of government, from how the name ends.
fn level(name: &str) -> Option<Level> {
    let base = name.strip_suffix("人民政府").unwrap_or(name);
    if name.is_empty() {
        return None;
    }
    if name.starts_with("国务院") || name.starts_with("国家") || name.starts_with("中华人民共和国") {
        return Some(Level::StateCouncilDept);
    }
    if base.ends_with('镇') || base.ends_with('乡') || name.contains("街道") {
        return Some(Level::Township);
    }
    if name.ends_with("人民政府") {
        return Some(if base.ends_with('县') || base.ends_with('区') || base.ends_with('旗') {
            Level::County
        } else if base.ends_with('省') || base.ends_with("自治区") {
            Level::Province
        } else if base.ends_with('市') || base.ends_with('州') || base.ends_with('盟') {
            Level::City
        } else {
            return None;
        });
    }
    let department_endings = ["局", "委员会", "委", "办公室", "办", "厅", "中心", "处", "院", "所", "站", "队", "部"];
    department_endings.iter().any(|e| name.ends_with(e)).then_some(Level::Department)
}

fn address_char(c: char) -> bool {
    !matches!(c, '，' | ',' | '。' | '；' | ';' | '\n' | ' ' | '、')
}

fn phone_char(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '-' | '－' | '—' | '(' | ')' | '（' | '）')
}

/// The value after the first of `keywords` (past a colon), while `accept` holds.
fn after_keyword(text: &str, keywords: &[&str], accept: impl Fn(char) -> bool) -> Option<String> {
    for keyword in keywords {
        let Some(at) = text.find(keyword) else { continue };
        let rest = text[at + keyword.len()..].trim_start_matches(['：', ':', ' ', '　', '为', '是']);
        let mut value: String = rest.chars().take_while(|c| accept(*c)).collect();
        for stop in ["邮政编码", "邮编", "联系电话", "电话"] {
            if let Some(i) = value.find(stop) {
                value.truncate(i);
            }
        }
        let value = value.trim().to_string();
        if !value.is_empty() {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_years_and_levels() {
        assert_eq!(
            name_and_year("根据规定，现公布通榆县边昭镇2024年政府信息公开工作年度报告。"),
            Some(("通榆县边昭镇".to_string(), 2024))
        );
        assert_eq!(name_and_year("某某市人民政府２０２３年政府信息公开工作年度报告"), Some(("某某市人民政府".to_string(), 2023)));
        assert_eq!(name_and_year("某某县教育局2021年度政府信息公开工作年度报告"), Some(("某某县教育局".to_string(), 2021)));
        assert_eq!(
            name_and_year("现向社会公布沭阳县发展和改革局2023年度政府信息公开年度报告。"),
            Some(("沭阳县发展和改革局".to_string(), 2023))
        );
        assert_eq!(name_and_year("淮安市洪泽区人民政府 2024 年政府信息公开工作年度报告"), Some(("淮安市洪泽区人民政府".to_string(), 2024)));
        assert_eq!(name_and_year("本机关年度报告"), None);
        assert_eq!(period_year("统计期限自2022年1月1日起至2022年12月31日止"), Some(2022));
        assert_eq!(level("通榆县边昭镇"), Some(Level::Township));
        assert_eq!(level("通榆县人民政府"), Some(Level::County));
        assert_eq!(level("白城市人民政府"), Some(Level::City));
        assert_eq!(level("吉林省人民政府"), Some(Level::Province));
        assert_eq!(level("通榆县教育局"), Some(Level::Department));
        assert_eq!(level("某某街道办事处"), Some(Level::Township));
        assert_eq!(level("国家统计局"), Some(Level::StateCouncilDept));
    }

    #[test]
    fn the_region_comes_from_the_name_or_the_address() {
        let mut r = Report::empty();
        infer(&mut r, Some("通榆县边昭镇2024年政府信息公开工作年度报告"));
        assert_eq!(r.agency.region, "吉林省白城市通榆县");
        let mut r = Report::empty();
        r.text.preamble = "地址：淮安市洪泽区洪泽湖大道90号".into();
        infer(&mut r, Some("区政务公开办2024年政府信息公开工作年度报告"));
        assert_eq!(r.agency.region, "江苏省淮安市洪泽区", "from the address");
        let mut r = Report::empty();
        infer(&mut r, Some("某某乡人民政府2024年政府信息公开工作年度报告"));
        assert_eq!(r.agency.region, "某某乡", "unknown to the table: the government's name");
    }

    #[test]
    fn contacts_from_the_preamble() {
        let mut r = Report::empty();
        r.text.preamble = "边昭镇办公室地址：通榆县边昭镇，邮政编码：137201，联系电话：0436-4831355。电子邮箱：abc@163.com".into();
        infer(&mut r, Some("通榆县人民政府2024年政府信息公开工作年度报告"));
        assert_eq!(r.agency.name, "通榆县人民政府");
        assert_eq!(r.agency.region, "吉林省白城市通榆县", "as the place table names it");
        assert_eq!(r.year, Some(2024));
        assert_eq!(r.agency.address, "通榆县边昭镇");
        assert_eq!(r.agency.postcode, "137201");
        assert_eq!(r.agency.phone, "0436-4831355");
        assert_eq!(r.agency.email, "abc@163.com");
    }
}
