//! The command line, parsed by hand: three commands with a handful of options each.

use std::ffi::OsString;
use std::path::PathBuf;

use crate::fix::{FixMode, FixOptions};

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Check { files: Vec<PathBuf>, json: bool, fix: FixOptions },
    Rules { output: RulesOutput },
    Convert { file: PathBuf, to: String, output: Option<PathBuf> },
    Help,
    Version,
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

/// Parses the arguments after the program name.
pub fn parse(args: Vec<OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let Some(first) = args.next() else { return Err(usage("缺少命令")) };
    let command = first.to_string_lossy().into_owned();
    match command.as_str() {
        "-h" | "--help" | "help" => return Ok(Command::Help),
        "-V" | "--version" => return Ok(Command::Version),
        "check" | "rules" | "convert" => {}
        other if other.starts_with('-') => return Err(usage(format!("未知的选项「{other}」"))),
        other => return Err(usage(format!("未知的命令「{other}」，可用的命令：check、rules、convert"))),
    }

    let mut positional: Vec<OsString> = Vec::new();
    let mut json = false;
    let mut markdown = false;
    let mut to = None;
    let mut output = None;
    let mut fix = FixOptions::default();
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
            ("check", "--fix" | "--diff") => {
                no_value(&inline_value)?;
                let mode = if name == "--fix" { FixMode::Apply } else { FixMode::Diff };
                if fix.mode != FixMode::Off && fix.mode != mode {
                    return Err(usage("--fix 和 --diff 只能选一个"));
                }
                fix.mode = mode;
            }
            ("check", "--unsafe-fixes") => {
                no_value(&inline_value)?;
                fix.unsafe_fixes = true;
            }
            ("check", "--in-place") => {
                no_value(&inline_value)?;
                fix.in_place = true;
            }
            ("check", "--to" | "-t") => fix.to = Some(value(name, inline_value, &mut args)?),
            ("convert", "--to" | "-t") => to = Some(value(name, inline_value, &mut args)?),
            ("convert", "--output" | "-o") => output = Some(PathBuf::from(value(name, inline_value, &mut args)?)),
            _ => return Err(usage(format!("未知的选项「{text}」（{command} 命令）"))),
        }
    }

    match command.as_str() {
        "check" => {
            if positional.is_empty() {
                return Err(usage("check 命令需要至少一个要检查的文件"));
            }
            fix.check().map_err(usage)?;
            Ok(Command::Check { files: positional.into_iter().map(PathBuf::from).collect(), json, fix })
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

    #[test]
    fn commands_and_options() {
        assert_eq!(
            run(&["check", "a.json", "--json", "b.json"]),
            Ok(Command::Check { files: vec!["a.json".into(), "b.json".into()], json: true, fix: FixOptions::default() })
        );
        assert_eq!(
            run(&["check", "--", "--odd-name.json"]),
            Ok(Command::Check { files: vec!["--odd-name.json".into()], json: false, fix: FixOptions::default() })
        );
        let fix = FixOptions { mode: FixMode::Apply, unsafe_fixes: true, ..FixOptions::default() };
        assert_eq!(
            run(&["check", "--fix", "--unsafe-fixes", "a.json"]),
            Ok(Command::Check { files: vec!["a.json".into()], json: false, fix })
        );
        assert_eq!(run(&["rules", "--markdown"]), Ok(Command::Rules { output: RulesOutput::Markdown }));
        assert_eq!(
            run(&["convert", "a.json", "--to=json", "-o", "b.json"]),
            Ok(Command::Convert { file: "a.json".into(), to: "json".into(), output: Some("b.json".into()) })
        );
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
        assert!(message(&["check", "--fix", "--diff", "a.json"]).contains("只能选一个"));
        assert!(message(&["check", "--unsafe-fixes", "a.json"]).contains("--fix 或 --diff"));
        assert!(message(&["check", "--fix", "--to", "pdf", "a.json"]).contains("json 或 docx"));
    }
}
