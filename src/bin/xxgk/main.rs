//! `xxgk`: check and convert annual reports on government information disclosure.

mod args;
mod check;
mod convert;
mod fix;
mod input;
mod rules;
mod status;

use std::io::{self, ErrorKind};
use std::process::ExitCode;

use args::Command;
use status::Status;

const HELP: &str = "\
xxgk —— 政府信息公开工作年度报告检查工具（国办公开办函〔2021〕30号格式）

用法：
  xxgk check [--json] 文件...               检查年度报告，按文件列出发现的问题
  xxgk check --fix [--unsafe-fixes] 文件... 应用修正，修正后的报告写在原文件旁
  xxgk check --diff [--unsafe-fixes] 文件...列出将要做的修正，不写入文件
  xxgk rules [--json | --markdown]          列出全部检查规则
  xxgk convert 文件 --to 格式 [-o 输出文件]  转换格式：json、docx、html、html-fragment
  xxgk --help                               显示本帮助
  xxgk --version                            显示版本

选项：
  --json           以 JSON 输出，供程序处理
  --fix            （check）应用安全修正（标题序号、条例名称等不改变原意的修正），
                   修正后的报告写入「<原文件名>（已修正）.json」或「….docx」，不覆盖原文件
  --unsafe-fixes   （check）同时应用需复核的修正（数字、范围用语等）；
                   有几种同样小的改法时（无法确定是哪一格），一律不自动修正
  --diff           （check）只列出修正前后的内容，不写入文件
  --in-place       （check --fix）直接写回原文件（.json 或 .docx）
  --to 格式        （check --fix）修正后报告的格式：json 或 docx
  --markdown       （rules）输出规则说明文档（docs/rules.md）
  -t, --to 格式    （convert）目标格式：json、docx（Word）、html（独立网页）、
                   html-fragment（粘贴到网站内容管理系统的片段）
  -o, --output 文件（convert）写入该文件；不指定时文本输出到标准输出，
                   Word 文件以报告标题命名写入当前文件夹
  --               其后的参数都作为文件名

退出状态：
  0  没有发现“错误”级别的问题
  1  至少一个文件有“错误”级别的问题
  2  有文件无法读取或解析，或命令行有误（其余文件仍会检查）

示例：
  xxgk check 2024年报.json
  xxgk check --json 报告/*.json > 检查结果.json
  xxgk check --diff 2024年报.docx
  xxgk check --fix 2024年报.docx                （写入「2024年报（已修正）.docx」）
  xxgk convert 2024年报.json --to json -o 规范化.json
  xxgk convert 2024年报.docx --to docx          （写入「<机关名称><年份>年政府信息公开工作年度报告.docx」）
  xxgk convert 2024年报.txt --to html-fragment -o 片段.html
";

fn main() -> ExitCode {
    let command = match args::parse(std::env::args_os().skip(1).collect()) {
        Ok(command) => command,
        Err(args::UsageError(message)) => {
            eprintln!("xxgk：{message}\n运行 xxgk --help 查看用法。");
            return Status::Failed.into();
        }
    };
    let result = match command {
        Command::Help => print(HELP),
        Command::Version => print(&format!("xxgk {}\n", env!("CARGO_PKG_VERSION"))),
        Command::Rules { output } => rules::run(output).map(|()| Status::Clean),
        Command::Check { files, json, fix } => check::run(&files, json, &fix),
        Command::Convert { file, to, output } => convert::run(&file, &to, output.as_deref()),
    };
    match result {
        Ok(status) => status.into(),
        // The reader went away (`xxgk check … | head`): nothing more to say.
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Status::Clean.into(),
        Err(e) => {
            eprintln!("xxgk：输出失败（{e}）");
            Status::Failed.into()
        }
    }
}

fn print(text: &str) -> io::Result<Status> {
    use io::Write;
    io::stdout().lock().write_all(text.as_bytes())?;
    Ok(Status::Clean)
}
