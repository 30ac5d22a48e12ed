//! The rule fixtures: `tests/fixtures/rules/<CODE>/{trigger,clean}_*.json`, each a JSON merge
//! patch (RFC 7396) over the seed report, and for a cross-year rule a second one (`"previous"`)
//! for last year's report.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use xxgk_report::model::from_json_keeping_invalid;
use xxgk_report::Report;

pub const SEED: &str = include_str!("../fixtures/seed.json");

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

pub fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut entries: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    entries.sort();
    entries
}

/// RFC 7396: objects merge key by key, `null` removes, anything else replaces.
fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = Value::Object(Default::default());
    }
    let target = target.as_object_mut().unwrap();
    for (key, value) in patch {
        if value.is_null() {
            target.remove(key);
        } else {
            merge_patch(target.entry(key.clone()).or_insert(Value::Null), value);
        }
    }
}

pub struct Fixture {
    pub name: String,
    pub description: String,
    pub report: Report,
    /// Last year's report, for the cross-year rules (`"previous"`: a merge patch over the seed).
    pub previous: Option<Report>,
}

pub fn load_fixture(path: &Path) -> Fixture {
    let name = path.file_stem().unwrap().to_string_lossy().into_owned();
    let text = fs::read_to_string(path).unwrap();
    let fixture: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let description = fixture["description"].as_str().unwrap_or_else(|| panic!("{name}: needs a description")).to_string();
    let mut document: Value = serde_json::from_str(SEED).unwrap();
    merge_patch(&mut document, &fixture["patch"]);
    let report = from_json_keeping_invalid(&document.to_string()).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    // The cross-year rules read last year's report: a second merge patch over the seed.
    let previous = fixture.get("previous").map(|patch| {
        let mut document: Value = serde_json::from_str(SEED).unwrap();
        merge_patch(&mut document, patch);
        from_json_keeping_invalid(&document.to_string()).unwrap_or_else(|e| panic!("{} (previous): {e}", path.display()))
    });
    Fixture { name, description, report, previous }
}

/// Every fixture of every rule, in order.
pub fn all_fixtures() -> Vec<Fixture> {
    sorted_entries(&fixtures_dir()).iter().flat_map(|dir| sorted_entries(dir)).map(|path| load_fixture(&path)).collect()
}
