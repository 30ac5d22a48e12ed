use super::text::{sentence_around, Terms};
use super::{declare_rule, Context, Finding};
use crate::model::{CellId, TextField};

declare_rule! {
    /// ## What it checks
    /// That section 六 says whether 信息处理费 was charged under 《政府信息公开信息处理费管理办法》
    /// (a nil statement such as 「本年度未收取信息处理费」 counts), and that it does not deny
    /// sending fee notices when table 三 counts applications closed because the fee notice was not
    /// paid (`s3.other.unpaid_fee.total` > 0). The 行政事业性收费 of section 二 is another thing
    /// and is never compared.
    ///
    /// ## Why it matters
    /// The format asks section 六 for the fee notices issued and the fees collected; a report
    /// silent about them is incomplete, one that denies them against its own table is wrong.
    ///
    /// ## Example
    /// Wrong: a section 六 about the website catalogue only; 「本年度未发出收费通知」 with
    /// 「2.申请人逾期未按收费通知要求缴纳费用…」 总计 1.
    ///
    /// Right: 「本年度未收取信息处理费。」; 「本年度发出收费通知1件，申请人逾期未缴纳，未收取费用。」
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

fn check(ctx: &Context, out: &mut Vec<Finding>) {
    let text = &ctx.report.text.other;
    if ctx.report.is_blank() {
        return;
    }
    let field = TextField::Other;
    let unpaid_id = CellId::known("s3.other.unpaid_fee.total");
    let unpaid = ctx.report.count(unpaid_id).filter(|&n| n > 0);
    if !FEE_WORDS.any_in(text) {
        let message = "六、其他需要报告的事项没有说明信息处理费的收取情况：请按《政府信息公开信息处理费管理办法》写明本年度发出收费通知的件数和收取的金额，\
                       没有收取的也应写明（如「本年度未收取信息处理费」）";
        out.push(Finding::new(&RULE, message).with_field(field.path()));
        return;
    }
    let Some(unpaid) = unpaid else { return };
    if let Some(hit) = NO_NOTICE.find_iter(text).next() {
        let (s, e) = sentence_around(text, hit.start, hit.end);
        let message = format!(
            "六、其他需要报告的事项写道「{}」，但三、（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用… 总计为 {unpaid}：\
             有申请因未缴费而终止，说明发出过收费通知。请核对后改正其一",
            text[s..e].trim()
        );
        out.push(Finding::new(&RULE, message).with_cells([unpaid_id]).with_text_span(field, text, hit.start, hit.end));
    }
}
