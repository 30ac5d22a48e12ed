use super::text::places::{find_foreign_places, region_chain, PlaceId};
use super::text::{clause_around, prose, Terms};
use super::{declare_rule, Context, Finding};
use crate::model::Agency;

declare_rule! {
    /// ## 检查内容
    /// 正文中出现的外省的县、市、省名称，通常是套用其他地方的报告时遗留下来的；
    /// 提示信息会说明该地名属于哪个地区。本机关所在地区取自 `agency.region`，
    /// 未填写时根据机关名称或地址判断（「通榆县边昭镇」→ 通榆县）；无法判断时，不报告。
    ///
    /// 以下情况不报告：本机关所在地区、其上级地区以及辖区内的地名；
    /// 同时是常用词语或多地共用的名称（朝阳、鼓楼、新区、城关）；作为道路、
    /// 企业或单位名称一部分的地名（「新郑路」「新郑华信有限公司」）；
    /// 同一省内的地名（提到相邻地区往往有正当理由）。
    ///
    /// ## 为什么重要
    /// 吉林省通榆县的报告中出现「为和谐新郑建设发挥积极作用」，
    /// 一看便知是从河南省新郑市的报告抄来的；审核时会视为严重问题。
    ///
    /// ## 示例
    /// 错误写法（通榆县边昭镇）：「为和谐新郑建设发挥积极作用」。
    ///
    /// 正确写法：「为和谐边昭建设发挥积极作用」。
    code: "T004",
    name: "foreign-place-name",
    severity: Warning,
    inputs: Prose,
    summary: "正文中出现外省的地名，疑为套用其他地方的材料",
    check: check,
}

/// Words after a place name, within its clause, that make it part of an organisation's name.
static ORGANISATION: Terms = Terms::new(|| {
    vec!["公司", "有限", "集团", "银行", "农商", "商会", "协会", "大学", "学院", "学校", "医院", "酒店", "宾馆", "超市", "工厂", "厂", "路", "大道", "大街", "街"]
});

/// Words after a place name that make it the name of a practice, an example or a landscape
/// (「延安精神」, 「浙江经验」, 「科尔沁草原」) rather than the agency's own area.
static NAMED_AFTER: Terms = Terms::new(|| {
    vec!["精神", "会议", "经验", "做法", "模式", "样板", "先进", "等地", "等省", "等市", "等县", "草原", "平原", "湿地", "流域", "山脉", "“", "「", "\""]
});

/// Words in the clause that show another place is named on purpose: visits, pairing aid,
/// learning from others.
static ON_PURPOSE: Terms = Terms::new(|| {
    vec!["学习", "借鉴", "参观", "考察", "赴", "前往", "对口", "帮扶", "协作", "合作", "交流", "援", "推广", "兄弟"]
});

/// The agency's own region: from `region`, else from the name or the address.
pub(super) fn own_region(agency: &Agency) -> Vec<PlaceId> {
    [&agency.region, &agency.name, &agency.address]
        .into_iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| region_chain(s))
        .find(|chain| !chain.is_empty())
        .unwrap_or_default()
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if prose(ctx.report).next().is_none() {
        return;
    }
    let own = own_region(&ctx.report.agency);
    if own.is_empty() {
        return;
    }
    for (field, text) in prose(ctx.report) {
        let hits = find_foreign_places(text, &own);
        if hits.is_empty() {
            continue;
        }
        let mut reported: Vec<&str> = Vec::new();
        for hit in &hits {
            if hit.same_province || reported.contains(&hit.name.as_str()) {
                continue;
            }
            let (clause_start, clause_end) = clause_around(text, hit.start, hit.end);
            let after: String = text[hit.end..clause_end].chars().take(12).collect();
            let near_after: String = after.chars().take(3).collect();
            // 「北京、上海、广州等地」: an enumeration of places names them as places.
            let listed = text[..hit.start].ends_with('、') || text[hit.end..].starts_with('、');
            if listed
                || ORGANISATION.any_in(&after)
                || NAMED_AFTER.any_in(&near_after)
                || ON_PURPOSE.any_in(&text[clause_start..clause_end])
            {
                continue;
            }
            let times = hits.iter().filter(|h| h.name == hit.name).count();
            let times = if times > 1 { format!("（共{times}处）") } else { String::new() };
            let message = format!(
                "{}提到「{}」{times}，这是{}的地名，不在本机关所在的{}：多为套用其他地方的材料，请改为本地的名称或删除",
                field.label(),
                hit.name,
                hit.belongs_to,
                super::text::places::full_name_path(own[0]),
            );
            out.push(Finding::new(&RULE, message).with_text_span(field, text, hit.start, hit.end));
            reported.push(&hit.name);
        }
    }
}
