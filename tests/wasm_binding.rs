//! The WebAssembly binding as the page uses it, run in headless Chromium:
//! `cargo test --target wasm32-unknown-unknown --test wasm_binding` (runner: wasm-bindgen-test-runner).
#![cfg(all(target_arch = "wasm32", feature = "page"))]

use js_sys::{Array, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use xxgk_report::wasm::{self, Session};

wasm_bindgen_test_configure!(run_in_browser);

const SEED: &str = include_str!("fixtures/seed.json");

fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).expect("readable property")
}

#[wasm_bindgen(inline_js = "
export function isPlainObject(v) { return v !== null && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype; }
export function hasOwn(v, k) { return Object.prototype.hasOwnProperty.call(v, k); }
export function callCatching(f) { try { f(); return null; } catch (e) { return String(e); } }
")]
extern "C" {
    #[wasm_bindgen(js_name = isPlainObject)]
    fn is_plain_object(value: &JsValue) -> bool;
    #[wasm_bindgen(js_name = hasOwn)]
    fn has_own(value: &JsValue, key: &str) -> bool;
    #[wasm_bindgen(js_name = callCatching)]
    fn call_catching(f: &Closure<dyn Fn()>) -> Option<String>;
}

fn findings(session: &mut Session) -> Vec<JsValue> {
    let value = session.check().expect("check serialises");
    assert!(Array::is_array(&value), "findings are an Array");
    Array::from(&value).iter().collect()
}

fn codes(session: &mut Session) -> Vec<String> {
    findings(session).iter().map(|f| get(f, "code").as_string().unwrap()).collect()
}

#[wasm_bindgen_test]
fn setting_cells_normalises_and_check_reports_the_balance() {
    let mut session = Session::from_json(SEED).unwrap();
    assert!(!codes(&mut session).contains(&"A001".to_string()));
    assert_eq!(session.set_cell("s3.new.natural", "１２件").unwrap(), "12");
    assert!(codes(&mut session).contains(&"A001".to_string()));
    assert_eq!(session.set_cell("s3.new.natural", "0").unwrap(), "0");
    assert!(!codes(&mut session).contains(&"A001".to_string()));
    assert_eq!(session.set_cell("s3.new.natural", "abc").unwrap(), "abc");
    assert!(codes(&mut session).contains(&"V001".to_string()));
    assert!(session.set_cell("s3.nope", "1").is_err(), "an unknown cell is an error, not a panic");
}

#[wasm_bindgen_test]
fn findings_are_plain_objects_with_null_not_undefined() {
    let mut session = Session::from_json(SEED).unwrap();
    session.set_cell("s3.new.natural", "5").unwrap();
    let all = findings(&mut session);
    let a001 = all.iter().find(|f| get(f, "code").as_string().as_deref() == Some("A001")).expect("A001");
    assert!(is_plain_object(a001), "a plain object, not a Map");
    for key in ["code", "name", "severity", "cells", "field", "span", "reported", "computed", "difference", "message"] {
        assert!(has_own(a001, key), "{key} is present");
        assert!(!get(a001, key).is_undefined(), "{key} is not undefined");
    }
    assert!(get(a001, "field").is_null());
    assert!(get(a001, "span").is_null());
    assert_eq!(get(a001, "severity").as_string().as_deref(), Some("error"));
    let cells = Array::from(&get(a001, "cells"));
    assert_eq!(cells.get(0).as_string().as_deref(), Some("s3.outcome_total.natural"));
    assert!(get(a001, "difference").as_f64().is_some());
    assert!(get(a001, "message").as_string().unwrap().contains("自然人"));
}

#[wasm_bindgen_test]
fn prose_findings_carry_utf16_spans() {
    let mut session = Session::from_json(SEED).unwrap();
    session.set_cell("s3.new.total", "3").unwrap();
    session.set_field("text.overview", "😀2024年全年无依申请公开。").unwrap();
    let t007 = findings(&mut session)
        .into_iter()
        .find(|f| get(f, "code").as_string().as_deref() == Some("T007"))
        .expect("T007");
    assert_eq!(get(&t007, "field").as_string().as_deref(), Some("text.overview"));
    let span = get(&t007, "span");
    assert!(is_plain_object(&span));
    // The emoji is two UTF-16 units, then the seven characters of 「2024年全年」.
    assert_eq!(get(&span, "start16").as_f64(), Some(9.0));
    assert_eq!(get(&span, "start").as_f64(), Some(8.0));
    assert_eq!(get(&span, "snippet").as_string().as_deref(), Some("无依申请公开"));
}

#[wasm_bindgen_test]
fn fields_are_set_by_json_path() {
    let mut session = Session::new();
    assert!(session.is_blank());
    session.set_field("agency.name", "通榆县边昭镇人民政府").unwrap();
    session.set_field("year", "２０２４").unwrap();
    session.set_field("agency.level", "township").unwrap();
    assert_eq!(session.field("year").unwrap(), "2024");
    assert_eq!(session.field("agency.level").unwrap(), "township");
    assert_eq!(session.file_stem(), "通榆县边昭镇人民政府2024年政府信息公开工作年度报告");
    session.set_field("year", "20x4").unwrap();
    assert_eq!(session.field("year").unwrap(), "20x4", "kept for V001, not refused");
    assert!(session.set_field("agency.level", "village").is_err());
    assert!(session.set_field("text.nothing", "x").is_err());
    assert!(!session.is_blank());
}

#[wasm_bindgen_test]
fn layouts_have_the_shape_of_the_official_tables() {
    let layouts = Array::from(&wasm::layouts().unwrap());
    assert_eq!(layouts.length(), 3);
    let s3 = layouts.get(1);
    assert!(is_plain_object(&s3));
    assert_eq!(get(&s3, "id").as_string().as_deref(), Some("s3"));
    assert_eq!(get(&s3, "columns").as_f64(), Some(10.0));
    let rows = Array::from(&get(&s3, "rows"));
    assert_eq!(rows.length(), 28);
    let mut inputs = 0;
    let mut named = None;
    for layout in layouts.iter() {
        for row in Array::from(&get(&layout, "rows")).iter() {
            for cell in Array::from(&row).iter() {
                if get(&cell, "kind").as_string().as_deref() == Some("input") {
                    inputs += 1;
                    if get(&cell, "cell").as_string().as_deref() == Some("s3.denied.state_secret.natural") {
                        named = get(&cell, "name").as_string();
                    }
                }
            }
        }
    }
    assert_eq!(inputs, 200);
    assert_eq!(named.as_deref(), Some("不予公开 属于国家秘密 自然人"));
    let rules = Array::from(&wasm::rules().unwrap());
    assert!(rules.iter().any(|r| get(&r, "code").as_string().as_deref() == Some("A001")));
}

#[wasm_bindgen_test]
fn json_round_trips_and_bad_json_is_a_chinese_error() {
    let mut session = Session::from_json(SEED).unwrap();
    let again = Session::from_json(&session.to_json()).unwrap();
    assert_eq!(again.to_json(), session.to_json());
    let summary = session.import_summary().unwrap();
    assert_eq!(get(&summary, "filled").as_f64(), Some(200.0));
    let error = Session::from_json("{\"format\": 1}").err().expect("an error");
    let message = get(&error, "message").as_string().unwrap();
    assert!(message.contains("JSON"), "{message}");
    let csv = session.findings_csv();
    assert!(csv.starts_with('\u{feff}'));
}

#[wasm_bindgen_test]
fn totals_are_proposed_from_filled_parts_only() {
    let mut session = Session::new();
    for (column, value) in ["natural", "business", "research", "nonprofit", "legal", "other_org"].iter().zip(1..) {
        session.set_cell(&format!("s3.new.{column}"), &value.to_string()).unwrap();
    }
    let proposals = Array::from(&session.propose_totals().unwrap());
    assert_eq!(proposals.length(), 1, "only the row whose parts are all filled");
    let p = proposals.get(0);
    assert_eq!(get(&p, "cell").as_string().as_deref(), Some("s3.new.total"));
    assert_eq!(get(&p, "value").as_string().as_deref(), Some("21"));
    assert_eq!(get(&p, "current").as_string().as_deref(), Some(""));
    session.set_cell("s3.new.total", "21").unwrap();
    assert_eq!(Array::from(&session.propose_totals().unwrap()).length(), 0, "a correct total is left alone");
}

fn finding<'a>(all: &'a [JsValue], code: &str) -> &'a JsValue {
    all.iter().find(|f| get(f, "code").as_string().as_deref() == Some(code)).unwrap_or_else(|| panic!("no {code}"))
}

#[wasm_bindgen_test]
fn one_wrong_number_is_named_fixed_and_undone() {
    let mut session = Session::from_json(SEED).unwrap();
    let right = session.cell_text("s3.outcome_total.natural").unwrap();
    let wrong = (right.parse::<u64>().unwrap() + 3).to_string();
    session.set_cell("s3.outcome_total.natural", &wrong).unwrap();
    let all = findings(&mut session);
    let a002 = finding(&all, "A002");
    let suspect = get(a002, "suspect");
    assert_eq!(get(&suspect, "set_count").as_f64(), Some(1.0));
    let cell = Array::from(&get(&suspect, "sets")).get(0);
    let cell = Array::from(&cell).get(0);
    assert_eq!(get(&cell, "cell").as_string().as_deref(), Some("s3.outcome_total.natural"));
    assert_eq!(get(&cell, "value").as_f64(), Some(right.parse::<f64>().unwrap()));
    assert!(get(&suspect, "message").as_string().unwrap().starts_with("最可能是（七）总计（自然人）填写有误"));
    let fix = Array::from(&get(a002, "fixes")).get(0);
    assert_eq!(get(&fix, "applicability").as_string().as_deref(), Some("review"));
    let applied = session.apply_fix(&get(&fix, "id").as_string().unwrap()).unwrap();
    assert_eq!(get(&applied, "code").as_string().as_deref(), Some("A001"));
    assert_eq!(session.cell_text("s3.outcome_total.natural").unwrap(), right);
    assert!(!codes(&mut session).iter().any(|c| c.starts_with('A')));
    assert!(session.apply_fix(&get(&fix, "id").as_string().unwrap()).is_err(), "a fix applies once");
    let edits = Array::from(&session.undo_fix().unwrap());
    assert_eq!(get(&edits.get(0), "cell").as_string().as_deref(), Some("s3.outcome_total.natural"));
    assert_eq!(session.cell_text("s3.outcome_total.natural").unwrap(), wrong);
    assert!(session.undo_fix().unwrap().is_null(), "nothing more to undo");
}

#[wasm_bindgen_test]
fn safe_fixes_apply_in_one_step_and_undo_in_one_step() {
    let mut session = Session::from_json(SEED).unwrap();
    let before = session.to_json();
    let applied = Array::from(&session.apply_safe_fixes().unwrap());
    assert_eq!(applied.length(), 3, "two heading numbers and the regulation's name");
    let headings = Array::from(&session.headings().unwrap());
    assert_eq!(headings.get(2).as_string().as_deref(), Some("三、收到和处理政府信息公开申请情况"));
    assert!(!codes(&mut session).iter().any(|c| c == "S002" || c == "T002"));
    session.undo_fix().unwrap();
    assert_eq!(session.to_json(), before);
}

#[wasm_bindgen_test]
fn a_warning_marked_reviewed_is_kept_in_the_json_and_an_error_cannot_be() {
    let mut session = Session::from_json(SEED).unwrap();
    let all = findings(&mut session);
    let fingerprint = get(finding(&all, "T004"), "fingerprint").as_string().expect("a warning has a fingerprint");
    session.mark_reviewed(&fingerprint, "新郑是本镇的村名").unwrap();
    let mut reloaded = Session::from_draft(&session.to_json()).unwrap();
    let all = findings(&mut reloaded);
    assert_eq!(get(finding(&all, "T004"), "reviewed").as_string().as_deref(), Some("新郑是本镇的村名"));
    assert_eq!(get(&reloaded.import_summary().unwrap(), "warnings").as_f64(), Some(7.0), "counted apart");
    assert!(reloaded.unmark_reviewed(&fingerprint).unwrap());
    session.set_cell("s3.new.natural", "").unwrap();
    let all = findings(&mut session);
    assert!(get(finding(&all, "V002"), "fingerprint").is_null(), "an error of the V rules cannot be marked");
}

#[wasm_bindgen_test]
fn a_panic_is_recorded_for_the_page() {
    // The test harness has its own hook; put the page's in place. It stays: the aborted panic
    // leaves std's hook lock taken, so the harness's hook cannot be set back.
    wasm::install_panic_hook();
    assert_eq!(wasm::last_panic(), None);
    let crash = Closure::<dyn Fn()>::new(|| wasm::crash_for_testing("测试用的崩溃"));
    let error = call_catching(&crash);
    assert!(error.is_some(), "the panic reaches JavaScript as an exception");
    let message = wasm::last_panic().expect("the hook recorded the panic");
    assert!(message.starts_with("测试用的崩溃"), "{message}");
    assert_eq!(wasm::last_panic(), None, "reading it clears it");
    // The module still works afterwards: a new session can be made.
    let mut session = Session::from_json(SEED).unwrap();
    assert!(session.check_count() > 0);
}

#[wasm_bindgen_test]
fn the_page_gets_field_names_severities_and_prose_fields_from_the_model() {
    let fields = Array::from(&wasm::report_fields().unwrap());
    let paths: Vec<String> = fields.iter().map(|f| get(&f, "path").as_string().unwrap()).collect();
    assert_eq!(paths[0], "agency.name");
    assert!(paths.contains(&"year".to_string()) && paths.contains(&"agency.email".to_string()));
    let email = fields.iter().find(|f| get(f, "path").as_string().as_deref() == Some("agency.email")).unwrap();
    assert_eq!(get(&email, "optional").as_bool(), Some(true));
    assert_eq!(get(&fields.get(0), "label").as_string().as_deref(), Some("机关名称"));

    let severities = Array::from(&wasm::severities().unwrap());
    let pairs: Vec<(String, String)> = severities
        .iter()
        .map(|s| (get(&s, "key").as_string().unwrap(), get(&s, "label").as_string().unwrap()))
        .collect();
    assert_eq!(pairs, [("error", "错误"), ("warning", "警告"), ("info", "提示")].map(|(k, l)| (k.to_string(), l.to_string())));

    let prose = Array::from(&wasm::text_fields().unwrap());
    assert_eq!(get(&prose.get(1), "path").as_string().as_deref(), Some("text.overview"));
    assert_eq!(get(&prose.get(1), "label").as_string().as_deref(), Some("一、总体情况"));
}

#[wasm_bindgen_test]
fn the_year_as_typed_and_the_date_go_through_the_session_and_a_draft() {
    let mut session = Session::from_json(SEED).unwrap();
    session.set_field("year", "２０２４年").unwrap();
    assert_eq!(session.field("year").unwrap(), "2024");
    session.set_field("year", "20245").unwrap();
    assert_eq!(session.field("year").unwrap(), "20245", "kept as typed");
    let year = findings(&mut session)
        .into_iter()
        .find(|f| get(f, "field").as_string().as_deref() == Some("year"))
        .expect("a finding at the year");
    assert_eq!(get(&year, "code").as_string().as_deref(), Some("V001"));
    session.set_field("date", "2025-01-15").unwrap();
    assert!(session.set_field("date", "2025-02-30").is_err());
    let mut draft = Session::from_draft(&session.to_json()).unwrap();
    assert_eq!((draft.field("year").unwrap(), draft.field("date").unwrap()), ("20245".to_string(), "2025-01-15".to_string()));
    assert!(codes(&mut draft).contains(&"V001".to_string()));
    assert!(Session::from_json(&session.to_json()).is_err(), "a report file wants a number as the year");
}
