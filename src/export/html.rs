//! The report as HTML for a government portal.
//!
//! [`html_fragment`] is pasted into the portal's CMS editor (TRS WCM, 大汉, 开普云 …): those
//! editors strip `<style>` blocks, scripts and external resources, so every element carries
//! its own inline style. [`html_page`] wraps the same content in a standalone page with print
//! CSS for A4 and the margins of GB/T 9704-2012. Every piece of user text is escaped.

use std::fmt::Write;

use super::outline::{blocks, column_widths, header_rows, Block};
use crate::model::{GridCell, Report, Scope, TableLayout};

const BODY_FONT: &str = "仿宋_GB2312,仿宋,FangSong,STFangsong,'Noto Serif CJK SC',serif";
const TITLE_FONT: &str = "方正小标宋简体,'FZXiaoBiaoSong-B05S',华文中宋,STZhongsong,宋体,SimSun,serif";
const HEADING_FONT: &str = "黑体,SimHei,'Heiti SC','Noto Sans CJK SC',sans-serif";
const SUB_HEADING_FONT: &str = "楷体_GB2312,楷体,KaiTi,STKaiti,serif";
const TABLE_FONT: &str = "宋体,SimSun,'Songti SC','Noto Serif CJK SC',serif";
/// 28.9 pt: the fixed line spacing that gives 22 lines to the A4 page.
const LINE: &str = "28.9pt";
const CELL: &str = "border:1px solid #000;padding:2px 3px;vertical-align:middle;font-weight:normal;";

/// The report as an HTML fragment with inline styles only, for a CMS editor.
pub fn html_fragment(report: &Report) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let _ = writeln!(out, "<div style=\"font-family:{BODY_FONT};font-size:16pt;line-height:{LINE};color:#000;background:#fff;\">");
    for block in blocks(report) {
        match block {
            Block::Title(title) => {
                let _ = writeln!(
                    out,
                    "<h1 style=\"margin:0 0 {LINE};text-align:center;font-family:{TITLE_FONT};font-size:22pt;font-weight:normal;line-height:1.5;\">{}</h1>",
                    escape(&title)
                );
            }
            Block::Heading(heading) => {
                let _ = writeln!(
                    out,
                    "<h2 style=\"margin:0;text-indent:2em;font-family:{HEADING_FONT};font-size:16pt;font-weight:normal;line-height:{LINE};\">{}</h2>",
                    escape(&heading)
                );
            }
            Block::SubHeading(line) => {
                let _ = writeln!(
                    out,
                    "<h3 style=\"margin:0;text-indent:2em;font-family:{SUB_HEADING_FONT};font-size:16pt;font-weight:normal;line-height:{LINE};\">{}</h3>",
                    escape(line)
                );
            }
            Block::Paragraph(line) => {
                let content = if line.trim().is_empty() { "<br>".to_string() } else { escape(line) };
                let _ = writeln!(out, "<p style=\"margin:0;text-indent:2em;text-align:justify;\">{content}</p>");
            }
            Block::Table(layout) => table(&mut out, layout, report),
            // A block as wide as its longer line, two characters from the right: the name at its
            // left edge, the date two characters in (GB/T 9704-2012, 7.3.5.2), in any font.
            Block::Signature(signature) => {
                let _ = writeln!(
                    out,
                    "<p style=\"margin:0;\"><br></p>\n<div style=\"text-align:right;padding-right:2em;\"><div style=\"display:inline-block;text-align:left;\"><div>{}</div><div style=\"padding-left:2em;\">{}</div></div></div>",
                    escape(signature.name),
                    escape(&signature.date)
                );
            }
        }
    }
    out.push_str("</div>\n");
    out
}

/// A standalone HTML page (UTF-8, zh-CN) with print CSS for A4 and the 公文 margins.
pub fn html_page(report: &Report) -> String {
    let mut out = String::with_capacity(72 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n");
    // Nothing on the page needs to run or load: say so, so that a browser refuses it anyway.
    out.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n",
    );
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", escape(&report.title()));
    out.push_str(PAGE_STYLE);
    out.push_str("</head>\n<body>\n");
    out.push_str(&html_fragment(report));
    out.push_str("</body>\n</html>\n");
    out
}

const PAGE_STYLE: &str = "<style>
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
html { background: #f3f3f3; }
body { box-sizing: border-box; width: 210mm; max-width: 100%; min-height: 297mm; margin: 0 auto; padding: 37mm 26mm 35mm 28mm; background: #fff; }
thead { display: table-header-group; }
tr, th, td { break-inside: avoid; page-break-inside: avoid; }
h1, h2, h3 { break-after: avoid; page-break-after: avoid; }
@media screen and (max-width: 210mm) { body { padding: 8mm 5mm; } }
@media print { html { background: none; } body { width: auto; min-height: 0; padding: 0; } }
</style>
";

fn table(out: &mut String, layout: &TableLayout, report: &Report) {
    let small = layout.columns > 4;
    let size = if small { "9pt" } else { "10.5pt" };
    let _ = writeln!(
        out,
        "<table style=\"width:100%;border-collapse:collapse;table-layout:fixed;margin:0 auto;font-family:{TABLE_FONT};font-size:{size};line-height:1.35;text-indent:0;\">"
    );
    out.push_str("<colgroup>");
    for width in column_widths(layout, 10_000) {
        let _ = write!(out, "<col style=\"width:{}.{:02}%\">", width / 100, width % 100);
    }
    out.push_str("</colgroup>\n");
    let header = header_rows(layout);
    for (r, row) in layout.rows.iter().enumerate() {
        if r == 0 && header > 0 {
            out.push_str("<thead>\n");
        }
        if r == header {
            out.push_str("<tbody>\n");
        }
        out.push_str("<tr>");
        for cell in row {
            grid_cell(out, cell, report);
        }
        out.push_str("</tr>\n");
        if r + 1 == header {
            out.push_str("</thead>\n");
        }
    }
    out.push_str("</tbody>\n</table>\n");
}

fn grid_cell(out: &mut String, cell: &GridCell, report: &Report) {
    match cell {
        GridCell::Label { text, colspan, rowspan, scope } => {
            let (tag, scope_attr, align) = match scope {
                Scope::Col => ("th", " scope=\"col\"", "center"),
                Scope::Colgroup => ("th", " scope=\"colgroup\"", "center"),
                Scope::Row => ("th", " scope=\"row\"", "left"),
                Scope::Rowgroup => ("th", " scope=\"rowgroup\"", "center"),
                Scope::None => ("td", "", "left"),
            };
            let _ = write!(out, "<{tag}{scope_attr}{}", spans(*colspan, *rowspan));
            let _ = write!(out, " style=\"{CELL}text-align:{align};\">{}</{tag}>", escape(text));
        }
        GridCell::Input { cell, colspan, .. } => {
            // Not filled stays empty (never 0).
            let value = report.cell(*cell).display();
            let _ = write!(
                out,
                "<td{} data-cell=\"{}\" style=\"{CELL}text-align:center;\">{}</td>",
                spans(*colspan, 1),
                escape(cell.as_str()),
                escape(&value)
            );
        }
    }
}

fn spans(colspan: usize, rowspan: usize) -> String {
    let mut attrs = String::new();
    if colspan > 1 {
        let _ = write!(attrs, " colspan=\"{colspan}\"");
    }
    if rowspan > 1 {
        let _ = write!(attrs, " rowspan=\"{rowspan}\"");
    }
    attrs
}

/// Escapes text for HTML content and quoted attribute values; drops control characters.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{from_json, layouts, CellId, TextField};

    const ATTACKS: [&str; 4] = [
        "<script>document.title='pwned'</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg onload=alert(2)>",
        "javascript:alert(3)",
    ];

    fn hostile_report() -> Report {
        let mut report = from_json(include_str!("../../tests/fixtures/seed.json")).unwrap();
        let attack = ATTACKS.join(" ");
        report.agency.name = attack.clone();
        for field in TextField::ALL {
            *report.text.get_mut(field) = format!("{attack}\n（一）{}\n{attack}", ATTACKS[1]);
        }
        report.set_cell_text(CellId::known("s3.new.natural"), ATTACKS[0]);
        report.set_cell_text(CellId::known("s2.fee.amount"), ATTACKS[2]);
        report
    }

    #[test]
    fn no_user_text_reaches_the_markup_unescaped() {
        let report = hostile_report();
        for html in [html_fragment(&report), html_page(&report)] {
            for attack in ATTACKS {
                if attack.contains(['<', '>', '"']) {
                    assert!(!html.contains(attack), "unescaped: {attack}");
                }
            }
            assert!(!html.contains("<script") && !html.contains("<img") && !html.contains("<svg"));
            assert!(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
            // Every `<` in the output opens one of the tags the exporter writes itself.
            let allowed = [
                "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "div", "h1", "h2", "h3", "p", "br",
                "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td",
            ];
            for tag in html.split('<').skip(1) {
                let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '!').collect();
                let name = if name == "!DOCTYPE" { name } else { name.to_ascii_lowercase() };
                assert!(allowed.contains(&name.as_str()), "unexpected tag <{tag:.30}");
            }
        }
    }

    #[test]
    fn the_fragment_uses_inline_styles_only() {
        let html = html_fragment(&from_json(include_str!("../../tests/fixtures/seed.json")).unwrap());
        assert!(!html.contains("<style") && !html.contains("class=") && !html.contains("<link"));
        assert!(!html.contains("src=") && !html.contains("href=") && !html.contains("url("));
        assert_eq!(html.matches("<table").count(), 3);
        assert!(html.contains("rowspan=\"22\""), "三、本年度办理结果 spans its rows");
        assert!(html.contains("colspan=\"3\" rowspan=\"3\""), "the 勾稽 note fills the corner");
        for heading in Report::official_headings() {
            assert!(html.contains(&format!(">{heading}</h2>")), "{heading}");
        }
    }

    #[test]
    fn tables_show_every_cell_once_and_unfilled_ones_empty() {
        let mut report = Report::empty();
        report.set_cell_text(CellId::known("s4.review.total"), "7");
        let html = html_fragment(&report);
        assert_eq!(html.matches("data-cell=").count(), CellId::count());
        assert!(html.contains("data-cell=\"s4.review.total\" style=\"border:1px solid #000;padding:2px 3px;vertical-align:middle;font-weight:normal;text-align:center;\">7</td>"));
        assert!(!html.contains(">0</td>"));
        assert_eq!(html.matches("<tr>").count(), layouts().iter().map(|l| l.rows.len()).sum::<usize>());
        assert_eq!(html.matches("<thead>").count(), 3);
    }

    #[test]
    fn the_page_is_a_standalone_a4_document() {
        let html = html_page(&from_json(include_str!("../../tests/fixtures/seed.json")).unwrap());
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
        assert!(html.contains("<meta charset=\"utf-8\">"));
        assert!(html.contains("@page { size: A4; margin: 37mm 26mm 35mm 28mm; }"));
        assert!(html.contains("<title>通榆县边昭镇2024年政府信息公开工作年度报告</title>"));
        assert!(html.contains("display: table-header-group") && html.contains("page-break-inside: avoid"));
    }
}
