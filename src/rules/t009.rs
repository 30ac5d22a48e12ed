use super::text::{sentence_around, TermHit, Terms};
use super::{declare_rule, Context, Finding};
use crate::model::{S3Column, S3Row, TextField};

declare_rule! {
    /// ## 检查内容
    /// 第六部分应说明是否按照《政府信息公开信息处理费管理办法》收取了信息处理费，
    /// 「本年度未收取信息处理费」这样说明没有收费的，也算已说明；
    /// 第三部分表格中有因逾期未缴费而不再处理的申请时（`s3.other.unpaid_fee.total` 大于 0），
    /// 正文不应声称没有发出收费通知。第二部分的「行政事业性收费」是另一回事，从不与之比较。
    ///
    /// ## 为什么重要
    /// 格式要求第六部分说明发出收费通知的件数和收取的费用；对此只字不提的报告不完整，
    /// 与本报告自己的表格相矛盾的说法则是错误的。
    ///
    /// ## 示例
    /// 错误写法：第六部分只写了网站目录；写「本年度未发出收费通知」，
    /// 而「2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请」一行总计 1。
    ///
    /// 正确写法：「本年度未收取信息处理费。」；
    /// 「本年度发出收费通知1件，申请人逾期未缴纳，未收取费用。」
    code: "T009",
    name: "processing-fee-statement",
    severity: Warning,
    inputs: Both,
    summary: "六、其他需要报告的事项未说明信息处理费收取情况，或与表格矛盾",
    check: check,
}

static FEE_WORDS: Terms = Terms::new(|| vec!["信息处理费", "处理费", "收费通知", "缴费通知"]);

/// Statements that no fee notice was sent.
static NO_NOTICE: Terms = Terms::new(|| {
    vec!["未发出收费通知", "没有发出收费通知", "未发出信息处理费收费通知", "未发出缴费通知", "未发送收费通知", "未出具收费通知", "未向申请人发出收费通知", "未发生收费"]
});

/// What 六、其他需要报告的事项 says about the fee: part of the field's analysis
/// ([`Prose::fee_statement`](super::Prose::fee_statement)), kept while the text does not change.
#[derive(Debug)]
pub(super) struct FeeStatement {
    /// Whether the processing fee or fee notices are mentioned at all.
    mentions_fee: bool,
    /// The first statement that no fee notice was sent.
    no_notice: Option<TermHit>,
}

impl FeeStatement {
    pub(super) fn of(text: &str) -> FeeStatement {
        let mentions_fee = FEE_WORDS.any_in(text);
        let no_notice = if mentions_fee { NO_NOTICE.find_iter(text).next() } else { None };
        FeeStatement { mentions_fee, no_notice }
    }
}

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    if ctx.report.is_blank() {
        return;
    }
    let field = TextField::Other;
    let prose = ctx.prose(field);
    let statement = prose.fee_statement();
    if !statement.mentions_fee {
        let message = "六、其他需要报告的事项没有说明信息处理费的收取情况：请按《政府信息公开信息处理费管理办法》写明本年度发出收费通知的件数和收取的金额，\
                       没有收取的也应写明（如「本年度未收取信息处理费」）";
        out.push(Finding::new(&RULE, message).with_field(field.path()));
        return;
    }
    const UNPAID_FEE: S3Row = S3Row::named("other.unpaid_fee");
    let unpaid_id = UNPAID_FEE.cell(S3Column::TOTAL);
    let Some(unpaid) = ctx.report.count(unpaid_id).filter(|&n| n > 0) else { return };
    if let Some(hit) = statement.no_notice {
        let text = prose.text;
        let (s, e) = sentence_around(text, hit.start, hit.end);
        let message = format!(
            "六、其他需要报告的事项写道「{}」，但三、（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用… 总计为 {unpaid}：\
             有申请因未缴费而终止，说明发出过收费通知。请核对后改正其一",
            text[s..e].trim()
        );
        out.push(Finding::new(&RULE, message).with_cells([unpaid_id]).with_text_span(field, text, hit.start, hit.end));
    }
}
