//! `xxgk`: check and convert annual reports from the command line.

use std::process::ExitCode;

use xxgk_report::model::from_json;
use xxgk_report::rules::RULES;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("check") => {
            let mut worst = 0;
            for file in &args[1..] {
                match std::fs::read_to_string(file).map_err(|e| e.to_string()).and_then(|t| from_json(&t).map_err(|e| e.to_string())) {
                    Ok(report) => {
                        let findings = xxgk_report::check(&report);
                        println!("{file}: {} 条", findings.len());
                        for f in &findings {
                            println!("  {} {} {}", f.code, f.severity.label(), f.message);
                        }
                        if findings.iter().any(|f| f.severity == xxgk_report::Severity::Error) {
                            worst = worst.max(1);
                        }
                    }
                    Err(e) => {
                        eprintln!("{file}: {e}");
                        worst = 2;
                    }
                }
            }
            ExitCode::from(worst)
        }
        Some("rules") => {
            for r in RULES {
                println!("{} {} {} {}", r.code, r.name, r.severity.key(), r.summary);
            }
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("用法：xxgk check FILE... | xxgk rules");
            ExitCode::from(2)
        }
    }
}
