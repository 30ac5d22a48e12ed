//! The rules reference (`docs/rules.md`), generated from the catalog so that it cannot drift.

use std::fmt::Write;

use super::{Rule, RULES};

/// The command that regenerates `docs/rules.md`.
pub const REGENERATE: &str = "cargo run --bin xxgk -- rules --markdown > docs/rules.md";

/// Every rule as Markdown: an index table, then each rule with its documentation.
pub fn markdown() -> String {
    let mut out = String::new();
    out.push_str("# 检查规则\n\n");
    let _ = writeln!(out, "<!-- 本文件由代码生成，请勿手工修改。重新生成：`{REGENERATE}` -->\n");
    out.push_str(
        "每条规则有固定的代码、级别（错误 error、警告 warning、提示 info）和说明。\
         某项检查所需的单元格未填写时，该项检查不报告任何问题（未填写由 V002 报告）。\n\n",
    );
    out.push_str("| 代码 | 名称 | 级别 | 检查内容 |\n|---|---|---|---|\n");
    for rule in RULES {
        let _ = writeln!(
            out,
            "| [{}](#{}) | `{}` | {} | {} |",
            rule.code,
            anchor(rule),
            rule.name,
            rule.severity.label(),
            rule.summary
        );
    }
    for rule in RULES {
        let _ = write!(
            out,
            "\n## {} {}\n\n级别：{}（`{}`）\n\n{}\n\n{}",
            rule.code,
            rule.name,
            rule.severity.label(),
            rule.severity.key(),
            rule.summary,
            demoted_doc(rule)
        );
    }
    out
}

/// The anchor GitHub gives the heading `## A001 requests-balance`.
fn anchor(rule: &Rule) -> String {
    format!("{}-{}", rule.code.to_ascii_lowercase(), rule.name)
}

/// A rule's documentation as Markdown: its rustdoc without the space after each `///`.
pub fn doc_markdown(rule: &Rule) -> String {
    let mut out = String::with_capacity(rule.doc.len());
    for line in rule.doc.lines() {
        out.push_str(line.strip_prefix(' ').unwrap_or(line));
        out.push('\n');
    }
    out
}

/// The documentation with its headings one level down, below the rule's own heading.
fn demoted_doc(rule: &Rule) -> String {
    let mut out = String::with_capacity(rule.doc.len() + 16);
    for line in doc_markdown(rule).lines() {
        if line.starts_with('#') {
            out.push('#');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_has_its_section_and_index_line() {
        let md = markdown();
        for rule in RULES {
            assert!(md.contains(&format!("\n## {} {}\n", rule.code, rule.name)), "{}", rule.code);
            assert!(md.contains(&format!("[{}](#{})", rule.code, anchor(rule))), "{}", rule.code);
        }
        assert!(md.contains("\n### 检查内容\n"), "rule headings are demoted below the rule's own");
        assert!(!md.contains("\n ##"), "the rustdoc indentation is removed");
    }
}
