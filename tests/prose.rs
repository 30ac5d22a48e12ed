//! Table-driven tests of the prose rules (T001–T012, S002): a snippet of text, put into the
//! corrected seed report, and the codes it must raise there — none for the look-alikes.

use xxgk_report::model::{from_json, CellValue, Level, TextField};
use xxgk_report::{check, CellId, Report};

fn corrected_seed() -> Report {
    from_json(include_str!("fixtures/seed_corrected.json")).expect("the corrected seed reads")
}

/// How a case changes the corrected seed before the snippet is added.
#[derive(Default, Clone, Copy)]
struct Setup {
    cells: &'static [(&'static str, u64)],
    /// (name, level, region)
    agency: Option<(&'static str, Level, &'static str)>,
    year: Option<i32>,
}

const NONE: Setup = Setup { cells: &[], agency: None, year: None };

fn cells(cells: &'static [(&'static str, u64)]) -> Setup {
    Setup { cells, ..NONE }
}

fn apply(report: &mut Report, setup: Setup) {
    for &(id, value) in setup.cells {
        report.set_cell(CellId::parse(id).unwrap_or_else(|| panic!("{id}")), CellValue::Count(value));
    }
    if let Some((name, level, region)) = setup.agency {
        report.agency.name = name.into();
        report.agency.level = Some(level);
        report.agency.region = region.into();
        report.agency.address = String::new();
    }
    if let Some(year) = setup.year {
        report.year = Some(year);
    }
}

/// The codes of the findings that point into `snippet`, appended as a paragraph of `field`.
fn codes_for(field: TextField, snippet: &str, setup: Setup) -> Vec<&'static str> {
    let mut report = corrected_seed();
    apply(&mut report, setup);
    let text = report.text.get_mut(field);
    text.push('\n');
    let offset = text.chars().count();
    text.push_str(snippet);
    let mut codes: Vec<&'static str> = check(&report)
        .into_iter()
        .filter(|f| f.field.as_deref() == Some(field.path()) && f.span.as_ref().is_some_and(|s| s.start >= offset))
        .map(|f| f.code)
        .collect();
    codes.sort_unstable();
    codes.dedup();
    codes
}

struct Case {
    field: TextField,
    text: &'static str,
    setup: Setup,
    expect: &'static [&'static str],
}

const O: TextField = TextField::Overview;
const P: TextField = TextField::Preamble;
const X: TextField = TextField::Other;

fn run(cases: &[Case]) {
    run_only(None, cases)
}

/// Like [`run`], looking only at one rule's findings (the seed's tables hold zeros, which other
/// rules may compare with).
fn run_only(code: Option<&str>, cases: &[Case]) {
    let mut failures = Vec::new();
    for case in cases {
        let mut got = codes_for(case.field, case.text, case.setup);
        got.retain(|c| code.is_none_or(|code| *c == code));
        if got != case.expect {
            failures.push(format!("{:?} 「{}」: expected {:?}, got {:?}", case.field, case.text, case.expect, got));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

macro_rules! cases {
    ($( $field:expr, $text:expr, $setup:expr => [$($code:literal),*] ;)*) => {
        &[$(Case { field: $field, text: $text, setup: $setup, expect: &[$($code),*] }),*]
    };
}

#[test]
fn t001_statistical_period_and_report_year() {
    run(cases![
        P, "本报告统计期限自2023年1月1日起至2023年12月31日止。", NONE => ["T001"];
        P, "统计期间为2024年1月1日至2024年11月30日。", NONE => ["T001"];
        O, "2023年全年无依申请公开。", NONE => ["T001"];
        O, "2023年，我镇扎实推进政务公开。", NONE => ["T001"];
        P, "现公布2023年政府信息公开工作年度报告。", NONE => ["T001"];
        // look-alikes
        P, "统计期限为2024年1月1日至12月31日。", NONE => [];
        P, "统计时间为二〇二四年一月一日至十二月三十一日。", NONE => [];
        O, "依据国办公开办函〔2021〕30号编制本报告。", NONE => [];
        O, "2023年12月，我镇印发了政务公开工作方案。", NONE => [];
        O, "与2023年全年相比，主动公开信息增加5条。", NONE => [];
        O, "较上年增加3条，上年度报告中的问题已整改。", NONE => [];
        O, "针对2023年度政府信息公开工作年度报告中指出的问题，我镇逐项整改。", NONE => [];
    ]);
}

#[test]
fn t001_missing_period() {
    let mut report = corrected_seed();
    report.text.preamble = "根据《中华人民共和国政府信息公开条例》规定，现公布本报告。".into();
    assert!(check(&report).iter().any(|f| f.code == "T001" && f.field.as_deref() == Some("text.preamble")));
    assert!(!check(&corrected_seed()).iter().any(|f| f.code == "T001"));
}

#[test]
fn t002_wrong_citations() {
    run(cases![
        O, "认真学习《政务公开条例》。", NONE => ["T002"];
        P, "根据《中华人民共和国政府信息公开条例》（国务院令第492号）规定。", NONE => ["T002"];
        P, "按照国办公开办函〔2019〕60号要求编制本报告。", NONE => ["T002"];
        O, "宣传《中华人民共和国政府信息公开法》。", NONE => ["T002"];
        // look-alikes
        P, "根据《中华人民共和国政府信息公开条例》（国务院令第711号）规定。", NONE => [];
        O, "认真学习《政府信息公开条例》。", NONE => [];
        P, "按照国办公开办函〔2021〕30号要求编制本报告。", NONE => [];
        P, "2019年修订的条例（国务院令第711号）取代了国务院令第492号。", NONE => [];
        P, "本报告按国办公开办函〔2021〕30号而非国办公开办函〔2019〕60号的格式编制。", NONE => [];
        P, "按照国办公开办函〔2019〕60号要求编制本报告。", Setup { year: Some(2020), ..NONE } => [];
    ]);
}

#[test]
fn t003_scope_words() {
    const COUNTY_DEPT: Setup = Setup { agency: Some(("通榆县教育局", Level::Department, "吉林省白城市通榆县")), cells: &[], year: None };
    const COUNTY_CITY: Setup = Setup { agency: Some(("新郑市人民政府", Level::County, "河南省郑州市新郑市")), cells: &[], year: None };
    run(cases![
        O, "负责全乡信息的收集、整理和发布。", NONE => ["T003"];
        O, "组织推动全省政府信息公开工作。", NONE => ["T003"];
        O, "全县政务公开工作取得新成效。", NONE => ["T003"];
        O, "全街道共设置公开栏3处。", NONE => ["T003"];
        O, "全市教育系统信息公开工作有序推进。", COUNTY_DEPT => ["T003"];
        O, "全县共有行政村20个。", COUNTY_CITY => ["T003"];
        // look-alikes
        O, "在县政府的正确领导下，全镇政务公开工作有序推进。", NONE => [];
        O, "按照全省统一部署，推进政务公开标准化建设。", NONE => [];
        O, "积极参加全县政务公开业务培训。", NONE => [];
        O, "在全县政务公开考核中名列前茅。", NONE => [];
        O, "依托全省一体化政务服务平台开展服务。", NONE => [];
        O, "健全县乡村三级公开体系，维护全市场主体权益。", NONE => [];
        O, "全乡镇政务公开工作会议精神得到落实。", NONE => [];
        O, "全县教育系统信息公开工作有序推进。", COUNTY_DEPT => [];
        O, "全市共有行政村200个。", COUNTY_CITY => [];
    ]);
}

#[test]
fn t004_foreign_place_names() {
    run(cases![
        O, "为和谐新郑建设发挥积极作用。", NONE => ["T004"];
        O, "推动新郑经济社会高质量发展。", NONE => ["T004"];
        O, "全力打造美丽昆山。", NONE => ["T004"];
        // look-alikes
        O, "通榆县边昭镇在白城市委市政府的领导下推进工作。", NONE => [];
        O, "开展“吉林全面振兴”宣传活动。", NONE => [];
        O, "新郑市华信民用爆破器材有限公司捐赠物资。", NONE => [];
        O, "沿新郑路开展宣传。", NONE => [];
        O, "协调北京、上海、广州、深圳等地专家开展培训。", NONE => [];
        O, "弘扬延安精神、遵义会议精神。", NONE => [];
        O, "积极学习借鉴昆山的先进做法。", NONE => [];
        O, "我镇地处科尔沁草原东部。", NONE => [];
        O, "朝阳、鼓楼、城关、新区均为常见地名。", NONE => [];
        O, "学习长春市经验。", NONE => [];
    ]);
}

#[test]
fn t004_region_from_name_or_nothing() {
    let mut report = corrected_seed();
    report.agency.region = String::new();
    report.text.overview.push_str("为和谐新郑建设发挥积极作用。");
    assert!(check(&report).iter().any(|f| f.code == "T004"), "the region is read from 「通榆县边昭镇」");
    report.agency.name = "某某镇".into();
    report.agency.address = String::new();
    assert!(!check(&report).iter().any(|f| f.code == "T004"), "unknown region: nothing reported");
}

#[test]
fn t005_template_leftovers() {
    run(cases![
        O, "XX镇2024年共主动公开信息35条。", NONE => ["T005"];
        O, "根据《》规定执行。", NONE => ["T005"];
        O, "联系人：【请填写】。", NONE => ["T005"];
        O, "○○村完成公开栏建设。", NONE => ["T005"];
        O, "□ 已公开", NONE => ["T005"];
        O, "{ PAGE \\* MERGEFORMAT }", NONE => ["T005"];
        // look-alikes
        O, "选用XXL规格展板。", NONE => [];
        O, "二〇〇八年以来持续推进。", NONE => [];
        O, "【重要提示】请关注门户网站。", NONE => [];
        O, "公开栏尺寸为3×4米。", NONE => [];
        O, "依据《中华人民共和国政府信息公开条例》办理。", NONE => [];
        O, "设立××", NONE => ["T005"];
    ]);
}

#[test]
fn t006_contact_details() {
    run(cases![
        P, "联系电话：4831355。", NONE => ["T006"];
        P, "邮政编码：13720。", NONE => ["T006"];
        P, "电子邮箱：xxgk@163.com.com。", NONE => ["T006"];
        P, "联系电话：0436-483135。", NONE => ["T006"];
        // look-alikes
        P, "联系电话：0436-4831355、4831356。", NONE => [];
        P, "电话：13912345678，服务热线12345。", NONE => [];
        P, "邮编：137201，电子邮箱：xxgk@163.com。", NONE => [];
        P, "咨询电话：(0436)4831355转801。", NONE => [];
        P, "电话号码公开在门户网站。", NONE => [];
    ]);
    let mut report = corrected_seed();
    report.agency.postcode = "13720".into();
    report.agency.phone = "4831355".into();
    report.agency.email = "bz@163.com.com".into();
    let fields: Vec<String> = check(&report).into_iter().filter(|f| f.code == "T006").filter_map(|f| f.field).collect();
    assert_eq!(fields, ["agency.postcode", "agency.phone", "agency.email"]);
}

const TABLE: &[(&str, u64)] = &[
    ("s3.new.total", 12),
    ("s3.carried_in.total", 2),
    ("s3.granted.total", 8),
    ("s3.partial.total", 2),
    ("s3.unable.not_held.total", 3),
    ("s3.outcome_total.total", 13),
    ("s3.carried_out.total", 1),
    ("s4.review.total", 170),
    ("s4.suit_direct.total", 25),
    ("s4.suit_after_review.total", 52),
    ("s2.normative.issued", 3),
    ("s2.normative.in_force", 470),
];

#[test]
fn t007_numbers_against_the_tables() {
    let t = cells(TABLE);
    run(cases![
        O, "全年被申请行政复议134件、被提起行政诉讼57件，均依法处理政府信息公开事项。", t => ["T007"];
        O, "本年度共收到政府信息公开申请10件。", t => ["T007"];
        O, "本年度受理政府信息公开申请两件。", t => ["T007"];
        O, "新收政府信息公开申请14件。", t => ["T007"];
        O, "办理政府信息公开申请，上年结转3件。", t => ["T007"];
        O, "已办结申请12件，结转下年度2件。", t => ["T007"];
        O, "政府信息公开申请办理结果：予以公开七件，部分公开2件，无法提供3件。", t => ["T007"];
        O, "本年度制发行政规范性文件4件，现行有效规范性文件393件。", t => ["T007"];
        X, "2024年全年无依申请公开。", t => ["T007"];
        // look-alikes
        O, "全年被申请行政复议170件、被提起行政诉讼77件，均依法处理政府信息公开事项。", t => [];
        O, "本年度共收到政府信息公开申请十二件，加上年结转2件，共受理14件申请。", t => [];
        O, "共受理政府信息公开申请14件。", t => [];
        O, "本年度收到申请较上年增加2件。", t => [];
        O, "全年主动公开政府信息35条，予以公开各类文件40件。", t => [];
        O, "受理行政许可事项1200件。", t => [];
        O, "收到人大代表建议5件、政协提案3件。", t => [];
        O, "本年度收到群众来信3件。", t => [];
        O, "办理行政复议案件5件，主要涉及土地征收。", t => [];
        O, "2024年共收到申请12件，其中予以公开8件，部分公开2件。", t => [];
    ]);
}

#[test]
fn t007_counts_only_filled_cells() {
    let mut report = corrected_seed();
    report.set_cell(CellId::parse("s4.review.total").unwrap(), CellValue::Missing);
    report.text.overview.push_str("\n因政府信息公开被申请行政复议3件。");
    assert!(!check(&report).iter().any(|f| f.code == "T007"));
}

#[test]
fn t008_overview_topics() {
    let mut report = corrected_seed();
    report.text.overview = "我镇高度重视政务公开工作，取得了良好成效。".into();
    let f = check(&report).into_iter().find(|f| f.code == "T008").expect("T008");
    for topic in ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障", "社会评议", "责任追究"] {
        assert!(f.message.contains(topic), "{topic}: {}", f.message);
    }
    // A department (not a 人民政府) need not report 社会评议 and 责任追究.
    let mut report = corrected_seed();
    report.agency.level = Some(Level::Department);
    assert!(!check(&report).iter().any(|f| f.code == "T008"), "the seed covers the five topics");
    let mut report = corrected_seed();
    report.text.overview.push_str("\n（六）工作考核、社会评议和责任追究。全年开展社会评议1次，未发生责任追究情形。");
    assert!(!check(&report).iter().any(|f| f.code == "T008"));
}

#[test]
fn t009_processing_fee() {
    let with_other = |other: &str, unpaid: u64| {
        let mut report = corrected_seed();
        report.text.other = other.into();
        report.set_cell(CellId::parse("s3.other.unpaid_fee.total").unwrap(), CellValue::Count(unpaid));
        check(&report).iter().any(|f| f.code == "T009")
    };
    assert!(with_other("我镇政府信息公开目录更新及时。", 0));
    assert!(with_other("本年度未发出收费通知，未收取信息处理费。", 1));
    assert!(!with_other("本年度未收取信息处理费。", 0));
    assert!(!with_other("本年度发出收费通知1件，申请人逾期未缴纳，未收取信息处理费。", 1));
    assert!(!with_other("本年度未收取信息处理费。", 1), "not collecting is consistent with an unpaid notice");
    let mut report = corrected_seed();
    report.text.other = "本年度未收取信息处理费。".into();
    report.cells().count();
    report.set_cell(CellId::parse("s2.fee.amount").unwrap(), CellValue::parse("12.5", CellId::parse("s2.fee.amount").unwrap().kind()));
    assert!(!check(&report).iter().any(|f| f.code == "T009"), "行政事业性收费 is another thing");
}

#[test]
fn t010_problems_section() {
    let with_problems = |problems: &str| {
        let mut report = corrected_seed();
        report.text.problems = problems.into();
        check(&report).iter().any(|f| f.code == "T010")
    };
    assert!(with_problems(""));
    assert!(with_problems("无。"));
    assert!(with_problems("我镇政务公开工作还存在一些不足，下一步将继续加强。"));
    assert!(!with_problems(&corrected_seed().text.problems));
    assert!(!with_problems(
        "一是公开内容不够全面，部分领域信息更新不及时。二是政策解读形式单一，解读质量有待提高。三是工作人员业务能力不足。\
         下一步，我镇将完善公开目录，定期检查更新；丰富解读形式，采用图文、视频等方式；加强业务培训，提升工作人员能力。"
    ));
}

#[test]
fn t011_outdated_terms() {
    run(cases![
        O, "因信息不存在答复2件。", NONE => ["T011"];
        O, "属于非本机关政府信息的告知申请人。", NONE => ["T011"];
        O, "同意公开5件。", NONE => ["T011"];
        X, "本年度收费及减免情况：无。", NONE => ["T011"];
        // look-alikes
        O, "第三方不同意公开且有合理理由的，不予公开。", NONE => [];
        O, "经权利人同意公开的，予以公开。", NONE => [];
        O, "本机关不掌握相关政府信息的答复2件。", NONE => [];
        O, "信息存在错误的及时更正。", NONE => [];
    ]);
}

#[test]
fn t012_sums_and_shares() {
    run_only(Some("T012"), cases![
        O, "共收到申请37件，其中自然人29件、商业企业1件、其他组织6件。", NONE => ["T012"];
        O, "共办理申请15件，其中予以公开6件，占60%。", NONE => ["T012"];
        O, "共计三十件，其中十件、十一件、八件。", NONE => ["T012"];
        // look-alikes
        O, "共收到申请36件，其中自然人29件、商业企业1件、其他组织6件。", NONE => [];
        O, "共收到申请15件，其中自然人12件、企业3件，予以公开10件、不予公开5件。", NONE => [];
        O, "共办理申请15件，其中予以公开6件，占40%。", NONE => [];
        O, "共办理申请3件，其中予以公开1件，占33.3%。", NONE => [];
        O, "共收到申请15件，其中自然人12件（含委托代理2件），企业3件。", NONE => [];
        O, "共收到申请15件，其中自然人13件，同比增加2件，企业2件。", NONE => [];
        O, "共召开会议3次，其中专题会议2次，培训1次。", NONE => [];
        O, "共收到申请12件，其中予以公开8件，部分公开2件。", NONE => [];
    ]);
}

#[test]
fn s002_headings() {
    let with_headings = |headings: &[&str]| {
        let mut report = corrected_seed();
        report.headings = Some(headings.iter().map(|h| h.to_string()).collect());
        check(&report).into_iter().filter(|f| f.code == "S002").filter_map(|f| f.field).collect::<Vec<_>>()
    };
    let official = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"];
    assert!(with_headings(&official).is_empty());
    let mut h = official;
    h[0] = "1、 总体情况";
    assert_eq!(with_headings(&h), ["headings[0]"]);
    let mut h = official;
    h[3] = "四、政府信息公开行政法复议、行政诉讼情况";
    h[5] = "六、其他需要汇报事项";
    assert_eq!(with_headings(&h), ["headings[3]", "headings[5]"]);
    let mut h = official;
    h.swap(4, 5);
    assert_eq!(with_headings(&h), ["headings[5]"], "the one out of order");
    // Punctuation and spacing alone are not findings.
    let mut h = official;
    h[0] = "一. 总体情况";
    h[3] = "四、 政府信息公开行政复议，行政诉讼情况。";
    assert!(with_headings(&h).is_empty());
}
