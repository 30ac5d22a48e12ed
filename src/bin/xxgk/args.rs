//! The command line, parsed by hand: a few commands with a handful of options each. Each option
//! is one arm of [`parse`] that sets one field of the command's options.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::fix::{FixMode, FixOptions};

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Check(CheckOptions),
    Sum(SumOptions),
    Rules { output: RulesOutput },
    Convert { file: PathBuf, to: String, output: Option<PathBuf> },
    Help,
    Version,
}

/// `xxgk check`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Files and folders (searched recursively), in the order given.
    pub inputs: Vec<PathBuf>,
    pub format: CheckFormat,
    /// Where the output goes (required for xlsx); standard output otherwise.
    pub output: Option<PathBuf>,
    /// Last year's report, for the cross-year rules (one input only).
    pub previous: Option<PathBuf>,
    /// Worker threads; all cores when not given.
    pub jobs: Option<usize>,
    /// No progress bar even on a terminal.
    pub no_progress: bool,
    /// Skip the search for text copied between agencies.
    pub no_copies: bool,
    /// `--fix`, `--diff`, `--unsafe-fixes`, `--in-place`, `--to`.
    pub fix: FixOptions,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    #[default]
    Text,
    Json,
    Csv,
    Xlsx,
}

/// `xxgk sum`.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SumOptions {
    pub inputs: Vec<PathBuf>,
    /// .xlsx, .json or .docx by its extension; the JSON document on standard output otherwise.
    pub output: Option<PathBuf>,
    /// The aggregating body's name, written into the roll-up report.
    pub agency: Option<String>,
    pub jobs: Option<usize>,
    pub no_progress: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RulesOutput {
    Text,
    Json,
    Markdown,
}

/// A command line that cannot be run, with a Chinese message saying why.
#[derive(Debug, PartialEq, Eq)]
pub struct UsageError(pub String);

fn usage(message: impl Into<String>) -> UsageError {
    UsageError(message.into())
}

const COMMANDS: &str = "check、sum、rules、convert";

/// Parses the arguments after the program name.
pub fn parse(args: Vec<OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let Some(first) = args.next() else { return Err(usage("缺少命令")) };
    let command = first.to_string_lossy().into_owned();
    match command.as_str() {
        "-h" | "--help" | "help" => return Ok(Command::Help),
        "-V" | "--version" => return Ok(Command::Version),
        "check" | "sum" | "rules" | "convert" => {}
        other if other.starts_with('-') => return Err(usage(format!("未知的选项「{other}」"))),
        other => return Err(usage(format!("未知的命令「{other}」，可用的命令：{COMMANDS}"))),
    }

    let mut positional: Vec<OsString> = Vec::new();
    let mut check = CheckOptions::default();
    let mut sum = SumOptions::default();
    let mut json = false;
    let mut markdown = false;
    let mut format: Option<String> = None;
    let mut to = None;
    let mut output = None;
    let mut options_ended = false;
    while let Some(arg) = args.next() {
        // File names need not be UTF-8 (archives from other systems); only options must be.
        let Some(text) = arg.to_str().filter(|t| !options_ended && t.starts_with('-') && *t != "-") else {
            positional.push(arg);
            continue;
        };
        if text == "--" {
            options_ended = true;
            continue;
        }
        let (name, inline_value) = match text.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (text, None),
        };
        let no_value = |inline: &Option<String>| match inline {
            Some(_) => Err(usage(format!("选项「{name}」不带参数"))),
            None => Ok(()),
        };
        match (command.as_str(), name) {
            (_, "-h" | "--help") => return Ok(Command::Help),
            ("check" | "rules", "--json") => {
                no_value(&inline_value)?;
                json = true;
            }
            ("rules", "--markdown") => {
                no_value(&inline_value)?;
                markdown = true;
            }
            ("check", "--format" | "-f") => format = Some(value(name, inline_value, &mut args)?),
            ("check", "--previous" | "-p") => check.previous = Some(PathBuf::from(value(name, inline_value, &mut args)?)),
            ("check", "--no-copies") => {
                no_value(&inline_value)?;
                check.no_copies = true;
            }
            ("check" | "sum", "--jobs" | "-j") => {
                let text = value(name, inline_value, &mut args)?;
                let jobs = text.parse::<usize>().ok().filter(|&n| n > 0);
                let jobs = jobs.ok_or_else(|| usage(format!("选项「{name}」的参数应为正整数，实际为「{text}」")))?;
                check.jobs = Some(jobs);
                sum.jobs = Some(jobs);
            }
            ("check" | "sum", "--no-progress") => {
                no_value(&inline_value)?;
                check.no_progress = true;
                sum.no_progress = true;
            }
            ("check", "--fix" | "--diff") => {
                no_value(&inline_value)?;
                let mode = if name == "--fix" { FixMode::Apply } else { FixMode::Diff };
                if check.fix.mode != FixMode::Off && check.fix.mode != mode {
                    return Err(usage("--fix 和 --diff 只能选一个"));
                }
                check.fix.mode = mode;
            }
            ("check", "--unsafe-fixes") => {
                no_value(&inline_value)?;
                check.fix.unsafe_fixes = true;
            }
            ("check", "--in-place") => {
                no_value(&inline_value)?;
                check.fix.in_place = true;
            }
            ("check", "--to" | "-t") => check.fix.to = Some(value(name, inline_value, &mut args)?),
            ("sum", "--agency") => sum.agency = Some(value(name, inline_value, &mut args)?),
            ("convert", "--to" | "-t") => to = Some(value(name, inline_value, &mut args)?),
            ("convert" | "check" | "sum", "--output" | "-o") => output = Some(PathBuf::from(value(name, inline_value, &mut args)?)),
            _ => return Err(usage(format!("未知的选项「{text}」（{command} 命令）"))),
        }
    }

    match command.as_str() {
        "check" => {
            if positional.is_empty() {
                return Err(usage("check 命令需要至少一个要检查的文件或文件夹"));
            }
            check.inputs = positional.into_iter().map(PathBuf::from).collect();
            check.output = output;
            check.format = match (format.as_deref(), json) {
                (None, false) | (Some("text"), false) => CheckFormat::Text,
                (None | Some("json"), _) => CheckFormat::Json,
                (Some("csv"), false) => CheckFormat::Csv,
                (Some("xlsx"), false) => CheckFormat::Xlsx,
                (Some(_), true) => return Err(usage("--json 与 --format 只能选一个")),
                (Some(other), false) => {
                    return Err(usage(format!("未知的输出格式「{other}」，可选：text、json、csv、xlsx")))
                }
            };
            if check.format == CheckFormat::Xlsx && check.output.is_none() {
                return Err(usage("--format xlsx 需要用 -o 指定输出文件，例如 -o 检查结果.xlsx"));
            }
            check.fix.check().map_err(usage)?;
            if check.fix.active() && !matches!(check.format, CheckFormat::Text | CheckFormat::Json) {
                return Err(usage("--fix 和 --diff 只能以文本或 JSON 输出"));
            }
            if check.previous.is_some() && check.inputs.len() != 1 {
                return Err(usage(
                    "--previous 只能用于检查一个文件；检查多个文件时，同一机关相邻年度的报告会自动配对",
                ));
            }
            Ok(Command::Check(check))
        }
        "sum" => {
            if positional.is_empty() {
                return Err(usage("sum 命令需要要汇总的报告文件或文件夹"));
            }
            sum.inputs = positional.into_iter().map(PathBuf::from).collect();
            sum.output = output;
            Ok(Command::Sum(sum))
        }
        "rules" => {
            if let Some(extra) = positional.first() {
                return Err(usage(format!("rules 命令不接受参数「{}」", extra.to_string_lossy())));
            }
            let output = match (json, markdown) {
                (true, true) => return Err(usage("--json 和 --markdown 只能选一个")),
                (true, false) => RulesOutput::Json,
                (false, true) => RulesOutput::Markdown,
                (false, false) => RulesOutput::Text,
            };
            Ok(Command::Rules { output })
        }
        _ => {
            let mut files = positional.into_iter();
            let (Some(file), None) = (files.next(), files.next()) else {
                return Err(usage("convert 命令需要且只需要一个输入文件"));
            };
            let Some(to) = to else {
                return Err(usage("convert 命令需要用 --to 指定目标格式，例如 --to json"));
            };
            Ok(Command::Convert { file: PathBuf::from(file), to, output })
        }
    }
}

/// The value of an option: `--to=json` or `--to json`.
fn value(name: &str, inline: Option<String>, rest: &mut impl Iterator<Item = OsString>) -> Result<String, UsageError> {
    let value = match inline {
        Some(value) => value,
        None => match rest.next() {
            Some(value) => value.into_string().map_err(|_| usage(format!("选项「{name}」的参数不是有效的文本")))?,
            None => return Err(usage(format!("选项「{name}」缺少参数"))),
        },
    };
    if value.is_empty() {
        return Err(usage(format!("选项「{name}」的参数为空")));
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Command, UsageError> {
        parse(args.iter().map(OsString::from).collect())
    }

    fn check(inputs: &[&str], format: CheckFormat) -> CheckOptions {
        CheckOptions { inputs: inputs.iter().map(PathBuf::from).collect(), format, ..CheckOptions::default() }
    }

    #[test]
    fn commands_and_options() {
        assert_eq!(run(&["check", "a.json", "--json", "b.json"]), Ok(Command::Check(check(&["a.json", "b.json"], CheckFormat::Json))));
        assert_eq!(run(&["check", "--", "--odd-name.json"]), Ok(Command::Check(check(&["--odd-name.json"], CheckFormat::Text))));
        let Ok(Command::Check(options)) = run(&["check", "报告", "--format", "xlsx", "-o", "结果.xlsx", "-j", "2"]) else {
            panic!("xlsx");
        };
        assert_eq!((options.format, options.output, options.jobs), (CheckFormat::Xlsx, Some("结果.xlsx".into()), Some(2)));
        let Ok(Command::Check(options)) = run(&["check", "2024.docx", "--previous=2023.pdf"]) else { panic!("previous") };
        assert_eq!(options.previous, Some("2023.pdf".into()));
        let Ok(Command::Sum(options)) = run(&["sum", "a", "b", "-o", "汇总.xlsx", "--agency", "某县人民政府"]) else {
            panic!("sum");
        };
        assert_eq!(options.inputs.len(), 2);
        assert_eq!(options.agency.as_deref(), Some("某县人民政府"));
        assert_eq!(run(&["rules", "--markdown"]), Ok(Command::Rules { output: RulesOutput::Markdown }));
        assert_eq!(
            run(&["convert", "a.json", "--to=json", "-o", "b.json"]),
            Ok(Command::Convert { file: "a.json".into(), to: "json".into(), output: Some("b.json".into()) })
        );
        let Ok(Command::Check(options)) = run(&["check", "--fix", "--unsafe-fixes", "a.json"]) else { panic!("fix") };
        assert_eq!(options.fix, FixOptions { mode: FixMode::Apply, unsafe_fixes: true, ..FixOptions::default() });
        assert_eq!(run(&["check", "a.json", "--help"]), Ok(Command::Help));
        assert_eq!(run(&["--version"]), Ok(Command::Version));
    }

    #[test]
    fn mistakes_are_explained_in_chinese() {
        let message = |args: &[&str]| run(args).unwrap_err().0;
        assert_eq!(message(&[]), "缺少命令");
        assert!(message(&["chek"]).contains("未知的命令「chek」"));
        assert!(message(&["check", "--jsn", "a.json"]).contains("未知的选项「--jsn」"));
        assert!(message(&["rules", "--to", "json"]).contains("未知的选项「--to」"));
        assert!(message(&["check"]).contains("至少一个"));
        assert!(message(&["convert", "a.json"]).contains("--to"));
        assert!(message(&["convert", "a.json", "--to"]).contains("缺少参数"));
        assert!(message(&["convert", "a.json", "b.json", "--to", "json"]).contains("一个输入文件"));
        assert!(message(&["rules", "--json", "--markdown"]).contains("只能选一个"));
        assert!(message(&["check", "--json=yes", "a.json"]).contains("不带参数"));
        assert!(message(&["check", "a", "--format", "xlsx"]).contains("-o"));
        assert!(message(&["check", "a", "--format", "pdf"]).contains("未知的输出格式"));
        assert!(message(&["check", "a", "b", "--previous", "c"]).contains("自动配对"));
        assert!(message(&["check", "a", "-j", "0"]).contains("正整数"));
        assert!(message(&["sum"]).contains("汇总"));
        assert!(message(&["check", "--fix", "--diff", "a.json"]).contains("只能选一个"));
        assert!(message(&["check", "--unsafe-fixes", "a.json"]).contains("--fix 或 --diff"));
        assert!(message(&["check", "--fix", "--to", "pdf", "a.json"]).contains("json 或 docx"));
        assert!(message(&["check", "--fix", "--format", "csv", "a.json"]).contains("文本或 JSON"));
    }
}
