use super::text::Limit;
use super::text::places::{foreign_places, full_name_path, region_chain, PlaceHit, PlaceId};
use super::text::{clause_around, Terms};
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

/// Words after a place name, within its clause, that make it part of the name of a road, a
/// company or an institution (「新郑路」, 「郑州银行」, 「南开大学」).
#[rustfmt::skip]
static ORGANISATION: Terms = Terms::new(|| {
    vec![
        "路", "街", "大道", "大街", "巷", "胡同", "小区", "公司", "有限", "股份", "控股", "集团", "银行", "农商",
        "商行", "证券", "交易所", "商会", "协会", "大学", "学院", "学校", "医院", "酒店", "宾馆", "饭店", "商场",
        "超市", "工厂", "厂",
    ]
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
    if ctx.prose_fields().next().is_none() {
        return;
    }
    let own = own_region(&ctx.report.agency);
    if own.is_empty() {
        return;
    }
    for prose in ctx.prose_fields() {
        let (field, text) = (prose.field, prose.text);
        let hits = foreign_places(text, prose.place_mentions(), &own);
        // The places the text speaks of as places, in another province.
        let foreign: Vec<&PlaceHit> = hits.iter().filter(|hit| !hit.same_province && names_a_place(text, hit)).collect();
        let mut reported: Vec<&str> = Vec::new();
        let limit = Limit::new(out);
        for hit in &foreign {
            if limit.reached(out) {
                break;
            }
            if reported.contains(&hit.name.as_str()) {
                continue;
            }
            let times = foreign.iter().filter(|h| h.name == hit.name).count();
            let times = if times > 1 { format!("（共{times}处）") } else { String::new() };
            let message = format!(
                "{}提到「{}」{times}，这是{}的地名，不在本机关所在的{}：多为套用其他地方的材料，请改为本地的名称或删除",
                field.label(),
                hit.name,
                hit.belongs_to,
                full_name_path(own[0]),
            );
            out.push(Finding::new(&RULE, message).with_text_span(field, text, hit.start, hit.end));
            reported.push(&hit.name);
        }
    }
}

/// Whether the text names the place as the area it works in: not as part of an organisation's
/// name, a practice or a landscape, nor in a list of places or on purpose (a visit, pairing aid).
fn names_a_place(text: &str, hit: &PlaceHit) -> bool {
    let (clause_start, clause_end) = clause_around(text, hit.start, hit.end);
    let after: String = text[hit.end..clause_end].chars().take(12).collect();
    let near_after: String = after.chars().take(3).collect();
    // 「北京、上海、广州等地」: an enumeration of places names them as places.
    let listed = text[..hit.start].ends_with('、') || text[hit.end..].starts_with('、');
    !(listed
        || ORGANISATION.any_in(&after)
        || NAMED_AFTER.any_in(&near_after)
        || ON_PURPOSE.any_in(&text[clause_start..clause_end]))
}
