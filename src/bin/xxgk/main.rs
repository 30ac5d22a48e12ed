//! `xxgk`: check and convert annual reports on government information disclosure.

mod args;
mod check;
mod convert;
mod files;
mod fix;
mod input;
mod pool;
mod progress;
mod rules;
mod status;
mod sum;

use std::io::{self, ErrorKind};
use std::process::ExitCode;

use args::Command;
use status::Status;

const HELP: &str = "\
xxgk —— 政府信息公开工作年度报告检查工具（国办公开办函〔2021〕30号格式）

用法：
  xxgk check [选项] 文件或文件夹...          检查年度报告（文件夹含子文件夹），按文件列出发现的问题
  xxgk check 本年报告 --previous 上年报告    同时与上一年度报告对比（Y001—Y003）
  xxgk check --fix [--unsafe-fixes] 文件或文件夹...
                                            应用修正，修正后的报告写在原文件旁（不覆盖原文件）
  xxgk check --diff [--unsafe-fixes] 文件或文件夹...
                                            列出将要做的修正，不写入文件
  xxgk sum 文件或文件夹... [-o 汇总.xlsx|.json|.docx] [--agency 机关名称]
                                            汇总各报告的统计表（逐格相加），并检查汇总结果
  xxgk rules [--json | --markdown]          列出全部检查规则
  xxgk convert 文件 --to 格式 [-o 输出文件]  转换格式：json、docx、html、html-fragment
  xxgk --help                               显示本帮助
  xxgk --version                            显示版本

选项：
  --json           以 JSON 输出，供程序处理（同 --format json）
  -f, --format 格式（check）输出格式：text（默认）、json、csv（带 BOM 的 UTF-8）、
                   xlsx（Excel 工作簿，需要 -o）
  -o, --output 文件 写入该文件；不指定时输出到标准输出（convert 的 Word 文件
                   以报告标题命名写入当前文件夹；sum 输出汇总报告的 JSON）
  -p, --previous 文件（check）上一年度的报告（任何可导入的格式），只能检查一个文件时使用；
                   检查多个文件时，同一机关相邻年度的报告自动配对
  --no-copies      （check）不查找不同机关报告之间雷同的文字
  --fix            （check）应用安全修正（标题序号、条例名称等不改变原意的修正），
                   修正后的报告写入「<原文件名>（已修正）.json」（Word 文件为 .docx）
  --unsafe-fixes   （check）同时应用需复核的修正（数字、范围用语等）；有几种同样小的
                   改法（无法确定是哪一格）时，一律不自动修正
  --diff           （check）只列出修正前后的内容，不写入文件
  --in-place       （check --fix）直接写回原文件（.json 或 .docx）
  --to 格式        （check --fix）修正后报告的格式：json 或 docx
  -j, --jobs 数量  （check、sum）同时处理的线程数，默认为处理器核数
  --no-progress    不显示进度条（输出不是终端时本来就不显示）
  --agency 名称    （sum）汇总报告的机关名称
  --markdown       （rules）输出规则说明文档（docs/rules.md）
  -t, --to 格式    （convert）目标格式：json、docx（Word）、html（独立网页）、
                   html-fragment（粘贴到网站内容管理系统的片段）
  --               其后的参数都作为文件名

退出状态：
  0  没有发现“错误”级别的问题
  1  至少一个文件有“错误”级别的问题
  2  有文件无法读取或解析，或命令行有误（其余文件仍会检查）

示例：
  xxgk check 2024年报.json
  xxgk check 各部门报告/                        （文件夹中的全部报告，含子文件夹）
  xxgk check 各部门报告/ --format xlsx -o 检查结果.xlsx
  xxgk check 2024年报.docx --previous 2023年报.pdf
  xxgk check --json 报告/*.json > 检查结果.json
  xxgk check --diff 2024年报.docx
  xxgk check --fix 2024年报.docx                （写入「2024年报（已修正）.docx」）
  xxgk sum 各部门报告/ -o 汇总.xlsx
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
        Command::Check(options) => check::run(&options),
        Command::Sum(options) => sum::run(&options),
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
