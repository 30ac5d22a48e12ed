use super::text::{letter_count, Terms};
use super::{declare_rule, Context, Finding};
use crate::model::TextField;

declare_rule! {
    /// ## 检查内容
    /// 第一部分应涵盖格式要求的内容：主动公开、依申请公开、政府信息管理、
    /// 政府信息公开平台建设和监督保障；人民政府还应包括工作考核、
    /// 社会评议和责任追究（《中华人民共和国政府信息公开条例》第五十条第（四）项）。
    /// 每一项只要出现其常用词语之一，即视为已涵盖（平台建设：平台、网站、公开栏、政务新媒体…；
    /// 监督保障：监督、考核、培训、保障…）。所有缺少的内容在一条问题中一并列出。
    ///
    /// ## 为什么重要
    /// 第一部分是对全年工作的说明；一段套话，不提申请办理或公开平台，就没有把工作说清楚，
    /// 审核时会扣分。
    ///
    /// ## 示例
    /// 错误写法：第一部分只写「我镇高度重视政务公开工作，取得了良好成效。」
    ///
    /// 正确写法：
    /// 分设小标题（一）主动公开（二）依申请公开（三）政府信息管理（四）平台建设（五）监督保障，
    /// 逐项写明所做的工作。
    code: "T008",
    name: "overview-topics",
    severity: Warning,
    inputs: Prose,
    summary: "一、总体情况缺少格式要求的内容",
    check: check,
}

/// A topic and the words that show it is covered.
const TOPICS: &[(&str, &[&str])] = &[
    ("主动公开", &["主动公开"]),
    ("依申请公开", &["依申请", "申请公开", "公开申请", "信息公开申请"]),
    ("政府信息管理", &["信息管理", "公开属性", "源头认定", "保密审查", "审查", "清理", "公开目录", "动态更新", "发布审核", "三审"]),
    ("政府信息公开平台建设", &["平台", "网站", "公开栏", "宣传栏", "政务新媒体", "新媒体", "公众号", "微博", "公开专栏", "政务公开专区", "查阅点"]),
    ("监督保障", &["监督", "考核", "培训", "保障", "评议", "问责"]),
];

/// For a 人民政府: the parts of 工作考核、社会评议和责任追究结果情况.
const GOVERNMENT_TOPICS: &[(&str, &[&str])] = &[
    ("工作考核", &["考核"]),
    ("社会评议", &["社会评议", "评议"]),
    ("责任追究", &["责任追究", "追究", "问责"]),
];

static WORDS: Terms = Terms::new(|| TOPICS.iter().chain(GOVERNMENT_TOPICS).flat_map(|(_, words)| words.iter().copied()).collect());

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = &ctx.report.text.overview;
    if ctx.report.is_blank() {
        return;
    }
    let government = ctx.report.agency.level.is_some_and(|l| l.is_government());
    let topics = TOPICS.len() + if government { GOVERNMENT_TOPICS.len() } else { 0 };
    let mut covered = vec![false; TOPICS.len() + GOVERNMENT_TOPICS.len()];
    for hit in WORDS.find_iter(text) {
        let word = WORDS.pattern(hit.term);
        for (i, (_, words)) in TOPICS.iter().chain(GOVERNMENT_TOPICS).enumerate() {
            covered[i] |= words.contains(&word);
        }
    }
    let names = TOPICS.iter().chain(GOVERNMENT_TOPICS).map(|(name, _)| *name);
    let missing: Vec<&str> = names.zip(&covered).take(topics).filter(|(_, c)| !**c).map(|(n, _)| n).collect();
    if missing.is_empty() {
        return;
    }
    let message = if letter_count(text) == 0 {
        "一、总体情况没有内容：应概述本年度主动公开、依申请公开、政府信息管理、平台建设和监督保障等情况".to_string()
    } else {
        let extra = if government && missing.iter().any(|m| GOVERNMENT_TOPICS.iter().any(|(g, _)| g == m)) {
            "（人民政府还应报告工作考核、社会评议和责任追究结果情况，见条例第五十条第（四）项）"
        } else {
            ""
        };
        format!("一、总体情况没有写到：{}。格式要求总体情况涵盖这些方面{extra}，请补充", missing.join("、"))
    };
    out.push(Finding::new(&RULE, message).with_field(TextField::Overview.path()));
}
