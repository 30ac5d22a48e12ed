//! `xxgk rules`: the catalog as a table, as JSON, or as the Markdown reference (`docs/rules.md`).

use std::io::{self, Write};

use serde::Serialize;
use xxgk_report::rules::{reference, RULES};

use crate::args::RulesOutput;

#[derive(Serialize)]
struct RuleInfo {
    code: &'static str,
    name: &'static str,
    severity: &'static str,
    summary: &'static str,
    doc: String,
}

pub fn run(output: RulesOutput) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match output {
        RulesOutput::Markdown => out.write_all(reference::markdown().as_bytes())?,
        RulesOutput::Json => {
            let rules: Vec<RuleInfo> = RULES
                .iter()
                .map(|r| RuleInfo {
                    code: r.code,
                    name: r.name,
                    severity: r.severity.key(),
                    summary: r.summary,
                    doc: reference::doc_markdown(r),
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &rules)?;
            writeln!(out)?;
        }
        RulesOutput::Text => {
            let width = RULES.iter().map(|r| r.name.len()).max().unwrap_or(0);
            for r in RULES {
                writeln!(out, "{}  {}  {:width$}  {}", r.code, r.severity.label(), r.name, r.summary)?;
            }
        }
    }
    out.flush()
}
