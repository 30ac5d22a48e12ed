//! Every label of the official tables (国办公开办函〔2021〕30号), exactly as the format writes it.
//!
//! This is the only place in the code base where these labels are spelled out: the table
//! layouts, the rule messages, the importers and the exporters all refer to these items.

/// A row or column of a table: its stable key (part of the cell ID) and its official label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Axis {
    pub key: &'static str,
    pub label: &'static str,
    /// Labels of the enclosing groups, outermost first (e.g. 「三、本年度办理结果」, 「（三）不予公开」).
    pub groups: &'static [&'static str],
}

const fn axis(key: &'static str, label: &'static str) -> Axis {
    Axis { key, label, groups: &[] }
}

const fn grouped(key: &'static str, groups: &'static [&'static str], label: &'static str) -> Axis {
    Axis { key, label, groups }
}

pub const TITLE_SUFFIX: &str = "年政府信息公开工作年度报告";

/// The six section headings without their numbering, in order.
pub const SECTION_TITLES: [&str; 6] = [
    "总体情况",
    "主动公开政府信息情况",
    "收到和处理政府信息公开申请情况",
    "政府信息公开行政复议、行政诉讼情况",
    "存在的主要问题及改进情况",
    "其他需要报告的事项",
];

/// The numerals that the format puts before each section heading (「一、」 …).
pub const SECTION_NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];

// ---- Section 二 -------------------------------------------------------------------------

pub const S2_CONTENT_HEADER: &str = "信息内容";
pub const S2_ITEM_1: &str = "第二十条第（一）项";
pub const S2_ITEM_5: &str = "第二十条第（五）项";
pub const S2_ITEM_6: &str = "第二十条第（六）项";
pub const S2_ITEM_8: &str = "第二十条第（八）项";

pub const S2_ISSUED: Axis = axis("issued", "本年制发件数");
pub const S2_REPEALED: Axis = axis("repealed", "本年废止件数");
pub const S2_IN_FORCE: Axis = axis("in_force", "现行有效件数");
pub const S2_DECISIONS: Axis = axis("decisions", "本年处理决定数量");
pub const S2_AMOUNT: Axis = axis("amount", "本年收费金额（单位：万元）");

pub const S2_REGULATION: Axis = axis("regulation", "规章");
pub const S2_NORMATIVE: Axis = axis("normative", "行政规范性文件");
pub const S2_LICENSE: Axis = axis("license", "行政许可");
pub const S2_PENALTY: Axis = axis("penalty", "行政处罚");
pub const S2_COERCION: Axis = axis("coercion", "行政强制");
pub const S2_FEE: Axis = axis("fee", "行政事业性收费");

// ---- Section 三 -------------------------------------------------------------------------

pub const S3_CORNER_NOTE: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
pub const S3_APPLICANTS: &str = "申请人情况";
pub const S3_LEGAL_PERSONS: &str = "法人或其他组织";

pub const S3_COLUMNS: [Axis; 7] = [
    axis("natural", "自然人"),
    grouped("business", &[S3_LEGAL_PERSONS], "商业企业"),
    grouped("research", &[S3_LEGAL_PERSONS], "科研机构"),
    grouped("nonprofit", &[S3_LEGAL_PERSONS], "社会公益组织"),
    grouped("legal", &[S3_LEGAL_PERSONS], "法律服务机构"),
    grouped("other_org", &[S3_LEGAL_PERSONS], "其他"),
    axis("total", "总计"),
];

pub const S3_RESULTS: &str = "三、本年度办理结果";
const RESULTS: &[&str] = &[S3_RESULTS];
const DENIED: &[&str] = &[S3_RESULTS, "（三）不予公开"];
const UNABLE: &[&str] = &[S3_RESULTS, "（四）无法提供"];
const DISMISSED: &[&str] = &[S3_RESULTS, "（五）不予处理"];
/// 「（六）其他处理」: three rows in 2021, a single row in the 2019 edition.
pub const S3_OTHER_GROUP: &str = "（六）其他处理";
const OTHER: &[&str] = &[S3_RESULTS, S3_OTHER_GROUP];

pub const S3_ROWS: [Axis; 25] = [
    axis("new", "一、本年新收政府信息公开申请数量"),
    axis("carried_in", "二、上年结转政府信息公开申请数量"),
    grouped("granted", RESULTS, "（一）予以公开"),
    grouped("partial", RESULTS, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    grouped("denied.state_secret", DENIED, "1.属于国家秘密"),
    grouped("denied.prohibited", DENIED, "2.其他法律行政法规禁止公开"),
    grouped("denied.security", DENIED, "3.危及“三安全一稳定”"),
    grouped("denied.third_party", DENIED, "4.保护第三方合法权益"),
    grouped("denied.internal", DENIED, "5.属于三类内部事务信息"),
    grouped("denied.process", DENIED, "6.属于四类过程性信息"),
    grouped("denied.enforcement", DENIED, "7.属于行政执法案卷"),
    grouped("denied.query", DENIED, "8.属于行政查询事项"),
    grouped("unable.not_held", UNABLE, "1.本机关不掌握相关政府信息"),
    grouped("unable.needs_creation", UNABLE, "2.没有现成信息需要另行制作"),
    grouped("unable.unclear", UNABLE, "3.补正后申请内容仍不明确"),
    grouped("dismissed.petition", DISMISSED, "1.信访举报投诉类申请"),
    grouped("dismissed.repeated", DISMISSED, "2.重复申请"),
    grouped("dismissed.publication", DISMISSED, "3.要求提供公开出版物"),
    grouped("dismissed.excessive", DISMISSED, "4.无正当理由大量反复申请"),
    grouped("dismissed.confirmation", DISMISSED, "5.要求行政机关确认或重新出具已获取信息"),
    grouped(
        "other.no_correction",
        OTHER,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    ),
    grouped(
        "other.unpaid_fee",
        OTHER,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    ),
    grouped("other.other", OTHER, "3.其他"),
    grouped("outcome_total", RESULTS, "（七）总计"),
    axis("carried_out", "四、结转下年度继续办理"),
];

// ---- Section 四 -------------------------------------------------------------------------

pub const S4_REVIEW_GROUP: &str = "行政复议";
pub const S4_SUIT_GROUP: &str = "行政诉讼";

pub const S4_GROUPS: [Axis; 3] = [
    axis("review", S4_REVIEW_GROUP),
    grouped("suit_direct", &[S4_SUIT_GROUP], "未经复议直接起诉"),
    grouped("suit_after_review", &[S4_SUIT_GROUP], "复议后起诉"),
];

pub const S4_COLUMNS: [Axis; 5] = [
    axis("upheld", "结果维持"),
    axis("corrected", "结果纠正"),
    axis("other", "其他结果"),
    axis("pending", "尚未审结"),
    axis("total", "总计"),
];

/// Level of government, as `agency.level` in the JSON document, with its Chinese name.
pub const LEVELS: [(&str, &str); 6] = [
    ("state_council_dept", "国务院部门"),
    ("province", "省级人民政府"),
    ("city", "市级人民政府"),
    ("county", "县级人民政府"),
    ("township", "乡镇人民政府（街道办事处）"),
    ("department", "政府部门"),
];

/// The agency block, the year and the 成文日期 (the date under the agency's name at the end of
/// the document), as the form shows them: JSON path, name, and whether it may be left empty.
pub const REPORT_FIELDS: [(&str, &str, bool); 9] = [
    ("agency.name", "机关名称", false),
    ("agency.level", "机关层级", false),
    ("agency.region", "所辖行政区域", false),
    ("year", "报告年度", false),
    ("agency.address", "地址", false),
    ("agency.postcode", "邮政编码", false),
    ("agency.phone", "联系电话", false),
    ("agency.email", "电子邮箱", true),
    ("date", "成文日期", true),
];

// ---- The 2019 edition (国办公开办函〔2019〕60号) --------------------------------------------

/// Labels found only in the tables of the 2019 edition (FORMAT.md §7): a table that has them
/// is an old one, whose section 二 cannot be mapped onto the 2021 cells.
pub const Y2019_ONLY_LABELS: [&str; 11] = [
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "本年增/减",
    "其他对外管理服务事项",
    "第二十条第（九）项",
    "政府集中采购",
    "采购项目数量",
    "采购总金额",
    "规范性文件",
];
