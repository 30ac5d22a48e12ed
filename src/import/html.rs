//! Web pages: a report saved from a government portal (navigation, the 索引号/发布机构 table,
//! footer and scripts around the article), a fragment, or what the clipboard holds as
//! `text/html` when a clerk copies the report from the portal. Word's HTML (`mso-` styles,
//! `<o:p>`, `<span>`/`<font>` soup, a cell's text split over several `<p>`) reads like any other.
//!
//! The `html5gum` tokenizer does the lexing (entities, comments, attributes, raw text of
//! scripts and styles). The tree kept is ours and only what a report needs: paragraphs and
//! tables (with `colspan`/`rowspan`); every other element only breaks or joins text, so its
//! nesting depth costs nothing. Tables that hold tables or long prose are layout, and are read
//! as the text they contain. Finally [`the_report`] cuts the article out of the page.

use html5gum::emitters::callback::{CallbackEmitter, CallbackEvent};
use html5gum::Tokenizer;

use super::assemble::heading_section;
use super::charset;
use super::document::{trim_paragraph, Block, Cell, SourcePos, Table};
use super::{ImportError, MAX_TEXT_BYTES};

/// Largest page accepted (a report's page is well under 1 MB; images are separate files).
pub const MAX_HTML_BYTES: usize = MAX_TEXT_BYTES;
/// Deepest nesting of tables accepted (layout tables of old portals nest three or four deep).
pub const MAX_TABLE_NESTING: usize = 32;
/// Most cells a page's tables may have in all (the report's three tables have about 300).
const MAX_CELLS: usize = 20_000;
/// Most text a page may hold, in bytes of UTF-8 (a report has 5,000–30,000 characters, about
/// 100 KB; a portal page around it a little more): more is no report, and would cost memory.
const MAX_TEXT_BYTES_KEPT: usize = 3 * 1024 * 1024;
/// Most cells the grids of a page's tables may have, the empty ones under merged cells included.
const MAX_GRID_CELLS: usize = 5 * MAX_CELLS;
/// A merged cell spans at most this many rows or columns (HTML itself caps colspan at 1,000).
const MAX_SPAN: u32 = 1_000;
/// A cell longer than this is prose, so its table is layout.
const MAX_DATA_CELL_CHARS: usize = 300;

/// Reads the report's paragraphs and tables from the bytes of a page, in any charset.
pub fn read(bytes: &[u8]) -> Result<Vec<Block>, ImportError> {
    if bytes.len() > MAX_HTML_BYTES {
        return Err(ImportError::new(format!(
            "网页文件过大（{:.1} MB），超过了 {} MB 的上限。年度报告的网页通常不到 1 MB；如网页中内嵌了图片，请用浏览器「另存为」「网页，仅 HTML」后再导入",
            bytes.len() as f64 / 1048576.0,
            MAX_HTML_BYTES / 1048576
        )));
    }
    let declared = declared_charset(bytes);
    let Some((charset, rest)) = charset::detect(bytes, declared.as_deref()) else {
        return Err(ImportError::new(
            "网页的文字编码无法识别（既不是 UTF-8，也不是 GBK/GB18030，网页中也没有声明编码）。请在浏览器中打开网页，「另存为」后再导入",
        ));
    };
    read_text(&charset::decode(rest, charset))
}

/// Reads the report from HTML that is already text (the clipboard's `text/html`).
pub fn read_text(html: &str) -> Result<Vec<Block>, ImportError> {
    if html.len() > MAX_HTML_BYTES {
        return Err(ImportError::new(format!("粘贴的网页内容超过了 {} MB 的上限，未读取", MAX_HTML_BYTES / 1048576)));
    }
    let nodes = parse(html)?;
    let mut blocks = Vec::new();
    flatten(nodes, &mut blocks, &mut Counters::default())?;
    Ok(the_report(blocks))
}

/// The charset a page declares in its first kilobytes: `<meta charset=gbk>` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`.
fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
        .collect();
    (!label.is_empty()).then_some(label)
}

// ---- The tree: paragraphs and tables ------------------------------------------------------

enum Node {
    Paragraph(String),
    Table(TableNode),
}

#[derive(Default)]
struct TableNode {
    rows: Vec<Vec<CellNode>>,
}

struct CellNode {
    colspan: u32,
    rowspan: u32,
    content: Vec<Node>,
}

#[derive(Default)]
struct OpenTable {
    table: TableNode,
    row: Option<Vec<CellNode>>,
    cell: Option<CellNode>,
}

impl OpenTable {
    fn close_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            self.row.get_or_insert_with(Vec::new).push(cell);
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some(row) = self.row.take() {
            self.table.rows.push(row);
        }
    }
}

/// Elements that end a paragraph where they start and where they end.
const BREAKING: &[&[u8]] = &[
    b"p", b"div", b"br", b"h1", b"h2", b"h3", b"h4", b"h5", b"h6", b"li", b"ul", b"ol", b"dl", b"dt", b"dd", b"blockquote",
    b"pre", b"section", b"article", b"header", b"footer", b"nav", b"aside", b"main", b"center", b"address", b"hr",
    b"form", b"figure", b"figcaption", b"caption", b"tr", b"td", b"th", b"table", b"tbody", b"thead", b"tfoot", b"body",
    b"ucapcontent",
];

/// Elements whose content is not text of the page.
/// (`<head>` is not one of them: a page that never closes it still shows its body.)
const HIDDEN: &[&[u8]] = &[b"script", b"style", b"title", b"noscript", b"template", b"xml", b"object", b"select", b"textarea", b"svg"];

/// Hidden elements whose content the tokenizer reads as raw text up to their end tag, even
/// when the start tag is written self-closing (`<script src=x />`).
const RAW_TEXT: &[&[u8]] = &[b"script", b"style", b"title", b"textarea"];

#[derive(Default)]
struct Parser {
    root: Vec<Node>,
    tables: Vec<OpenTable>,
    text: String,
    /// Inside an element of [`HIDDEN`]: its name, until it ends.
    hidden: Option<Vec<u8>>,
    cells: usize,
    /// Bytes of text met so far.
    text_bytes: usize,
}

impl Parser {
    /// Where content goes now: the innermost open cell, else the page.
    fn container(&mut self) -> &mut Vec<Node> {
        match self.tables.iter().rposition(|t| t.cell.is_some()) {
            Some(i) => &mut self.tables[i].cell.as_mut().expect("an open cell").content,
            None => &mut self.root,
        }
    }

    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let line = trim_paragraph(&text);
        if !line.is_empty() {
            let line = line.to_string();
            self.container().push(Node::Paragraph(line));
        }
    }

    fn text(&mut self, text: &str) -> Result<(), ImportError> {
        self.text_bytes += text.len();
        if self.text_bytes > MAX_TEXT_BYTES_KEPT {
            return Err(ImportError::new(format!(
                "网页中的文字超过 {} MB（约 100 万字），不像是年度报告（可能是异常文件），未读取",
                MAX_TEXT_BYTES_KEPT / 1048576
            )));
        }
        for c in text.chars() {
            // HTML collapses white space; &nbsp; is a space that a page uses for layout.
            let c = if c.is_whitespace() && c != '\u{3000}' { ' ' } else { c };
            if c == ' ' && (self.text.is_empty() || self.text.ends_with(' ')) {
                continue;
            }
            self.text.push(c);
        }
        Ok(())
    }

    fn start(&mut self, name: &[u8], colspan: u32, rowspan: u32) -> Result<(), ImportError> {
        if HIDDEN.contains(&name) {
            self.hidden = Some(name.to_vec());
            return Ok(());
        }
        if BREAKING.contains(&name) {
            self.flush();
        }
        match name {
            b"table" => {
                if self.tables.len() >= MAX_TABLE_NESTING {
                    return Err(ImportError::new(format!(
                        "网页中的表格嵌套超过 {MAX_TABLE_NESTING} 层，不像是正常的网页（可能是异常文件），未读取"
                    )));
                }
                self.tables.push(OpenTable::default());
            }
            b"tr" => {
                self.count_cell()?;
                if let Some(t) = self.tables.last_mut() {
                    t.close_row();
                    t.row = Some(Vec::new());
                }
            }
            b"td" | b"th" => {
                self.count_cell()?;
                if let Some(t) = self.tables.last_mut() {
                    t.close_cell();
                    let cell = CellNode { colspan, rowspan, content: Vec::new() };
                    t.cell = Some(cell);
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Rows count too: a page of empty rows under cells merged down a thousand rows would
    /// otherwise fill a grid of millions of cells.
    fn count_cell(&mut self) -> Result<(), ImportError> {
        self.cells += 1;
        if self.cells > MAX_CELLS {
            return Err(too_many_cells());
        }
        Ok(())
    }

    fn end(&mut self, name: &[u8]) {
        if let Some(hidden) = &self.hidden {
            if hidden.as_slice() == name {
                self.hidden = None;
            }
            return;
        }
        if BREAKING.contains(&name) {
            self.flush();
        }
        match name {
            b"td" | b"th" => {
                if let Some(t) = self.tables.last_mut() {
                    t.close_cell();
                }
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.close_row();
                }
            }
            b"table" => {
                if let Some(mut t) = self.tables.pop() {
                    t.close_row();
                    let table = Node::Table(t.table);
                    self.container().push(table);
                }
            }
            _ => {}
        }
    }

    fn finish(mut self) -> Vec<Node> {
        // An element of HIDDEN never closed (`<select>` to the end) must not keep the open
        // tables from closing.
        self.hidden = None;
        self.flush();
        while !self.tables.is_empty() {
            self.end(b"table");
        }
        self.root
    }
}

fn too_many_cells() -> ImportError {
    ImportError::new(format!("网页中的表格单元格超过 {MAX_CELLS} 个，不像是年度报告（可能是异常文件），未读取"))
}

/// The start tag being read: its name and the spans it gives.
#[derive(Default)]
struct OpenTag {
    name: Vec<u8>,
    attribute: Vec<u8>,
    colspan: u32,
    rowspan: u32,
}

fn parse(html: &str) -> Result<Vec<Node>, ImportError> {
    let mut parser = Parser::default();
    let mut tag = OpenTag::default();
    // The callback emitter hands over names and values without building tokens or attribute maps.
    let mut emitter = CallbackEmitter::new(|event: CallbackEvent<'_>, _: html5gum::Span<()>| -> Option<ImportError> {
        match event {
            CallbackEvent::OpenStartTag { name } => {
                tag = OpenTag { name: name.to_ascii_lowercase(), colspan: 1, rowspan: 1, ..OpenTag::default() };
            }
            CallbackEvent::AttributeName { name } => tag.attribute = name.to_ascii_lowercase(),
            CallbackEvent::AttributeValue { value } => {
                let span = std::str::from_utf8(value).ok().and_then(|v| v.trim().parse::<u32>().ok()).unwrap_or(1).clamp(1, MAX_SPAN);
                match tag.attribute.as_slice() {
                    b"colspan" => tag.colspan = span,
                    b"rowspan" => tag.rowspan = span,
                    _ => {}
                }
            }
            CallbackEvent::CloseStartTag { self_closing } => {
                if parser.hidden.is_none() {
                    if let Err(error) = parser.start(&tag.name, tag.colspan, tag.rowspan) {
                        return Some(error);
                    }
                    if self_closing && !RAW_TEXT.contains(&tag.name.as_slice()) {
                        parser.hidden = None;
                    }
                }
            }
            CallbackEvent::EndTag { name } => parser.end(&name.to_ascii_lowercase()),
            CallbackEvent::String { value } if parser.hidden.is_none() => {
                if let Err(error) = parser.text(&String::from_utf8_lossy(value)) {
                    return Some(error);
                }
            }
            _ => {}
        }
        None
    });
    emitter.naively_switch_states(true);
    if let Some(Ok(error)) = Tokenizer::new_with_emitter(html, emitter).next() {
        return Err(error);
    }
    Ok(parser.finish())
}

// ---- From the tree to blocks --------------------------------------------------------------

#[derive(Default)]
struct Counters {
    paragraphs: u32,
    tables: u32,
    /// Cells of the grids built so far, the empty ones under merged cells included.
    grid_cells: usize,
}

fn flatten(nodes: Vec<Node>, out: &mut Vec<Block>, counters: &mut Counters) -> Result<(), ImportError> {
    for node in nodes {
        match node {
            Node::Paragraph(text) => {
                counters.paragraphs += 1;
                out.push(Block::paragraph(text, SourcePos::Paragraph { paragraph: counters.paragraphs }));
            }
            Node::Table(table) if is_layout(&table) => {
                for cell in table.rows.into_iter().flatten() {
                    flatten(cell.content, out, counters)?;
                }
            }
            Node::Table(table) => {
                counters.tables += 1;
                let number = counters.tables;
                out.push(Block::Table(grid(table, number, &mut counters.grid_cells)?));
            }
        }
    }
    Ok(())
}

/// A table used to lay out the page rather than to hold data: it holds tables or prose.
fn is_layout(table: &TableNode) -> bool {
    table.rows.iter().flatten().any(|cell| {
        cell.content.iter().any(|n| matches!(n, Node::Table(_)))
            || cell.content.iter().map(|n| if let Node::Paragraph(p) = n { p.chars().count() } else { 0 }).sum::<usize>()
                > MAX_DATA_CELL_CHARS
    })
}

/// A cell merged down from a row above: how many columns it spans, how many rows it still covers.
struct Covering {
    columns: u32,
    rows_left: u32,
}

/// The table as rows of cells, the way a word processor stores it: a cell merged across
/// columns once; a cell merged down appears in its first row, and each row below it covers
/// holds an empty cell in its place. `grid_cells` counts the cells of all grids, so that cells
/// merged down far over many rows cannot build millions of empty ones.
fn grid(table: TableNode, number: u32, grid_cells: &mut usize) -> Result<Table, ImportError> {
    use std::collections::BTreeMap;
    use std::ops::Bound::{Excluded, Unbounded};
    // Keyed by the first grid column each covers.
    let mut covering: BTreeMap<u32, Covering> = BTreeMap::new();
    let mut rows = Vec::with_capacity(table.rows.len());
    for (r, row) in table.rows.into_iter().enumerate() {
        let mut out: Vec<Cell> = Vec::with_capacity(row.len());
        let mut column = 0u32;
        let at = |out: &Vec<Cell>| SourcePos::Cell { table: number, row: r as u32 + 1, column: out.len() as u32 + 1 };
        let mut cells = row.into_iter();
        let mut next_covering: Vec<(u32, Covering)> = Vec::new();
        loop {
            if *grid_cells >= MAX_GRID_CELLS {
                return Err(too_many_cells());
            }
            if let Some(covered) = covering.get(&column) {
                out.push(Cell { text: String::new(), at: at(&out) });
                *grid_cells += 1;
                column += covered.columns;
                continue;
            }
            let Some(cell) = cells.next() else {
                // Merged cells to the right of the row's last cell.
                match covering.range((Excluded(column), Unbounded)).next() {
                    Some((&start, _)) => {
                        column = start;
                        continue;
                    }
                    None => break,
                }
            };
            if cell.rowspan > 1 {
                next_covering.push((column, Covering { columns: cell.colspan, rows_left: cell.rowspan - 1 }));
            }
            let text: Vec<String> = cell
                .content
                .into_iter()
                .filter_map(|n| match n {
                    Node::Paragraph(p) => Some(p),
                    Node::Table(_) => None,
                })
                .collect();
            out.push(Cell { text: text.join("\n"), at: at(&out) });
            *grid_cells += 1;
            column += cell.colspan;
        }
        covering.retain(|_, c| {
            c.rows_left -= 1;
            c.rows_left > 0
        });
        covering.extend(next_covering);
        rows.push(out);
    }
    Ok(Table { rows })
}

// ---- The report inside the page -----------------------------------------------------------

/// What a portal prints after an article: the end of the report.
const PAGE_FOOTER: &[&str] = &[
    "版权所有", "Copyright", "©", "ICP备", "ICP证", "网站标识码", "主办单位", "承办单位", "主办：", "承办：", "技术支持", "网站地图",
    "联系我们", "打印本页", "关闭窗口", "【打印】", "【关闭】", "[打印]", "[关闭]", "分享到", "扫一扫", "相关链接", "上一篇", "下一篇",
    "公网安备", "政府网站找错",
];

/// The blocks of the report: from its title (or its first heading) to the end of its last
/// part, without the navigation, metadata table and footer of the portal around it.
pub fn the_report(blocks: Vec<Block>) -> Vec<Block> {
    let Some(first_heading) = blocks.iter().position(|b| paragraph(b).and_then(heading_section) == Some(0)) else {
        return blocks;
    };
    let is_title = |line: &str| line.chars().count() <= 60 && line.contains("年度报告") && !line.ends_with('。');
    let mut start = first_heading;
    match blocks[..first_heading].iter().rposition(|b| paragraph(b).is_some_and(is_title)) {
        Some(title) => {
            start = title;
            // 「某某县人民政府」 on the line before 「2024年政府信息公开工作年度报告」.
            let name_line = |b: &Block| paragraph(b).is_some_and(|l| l.chars().count() <= 30 && !l.ends_with('。'));
            let title_text = paragraph(&blocks[title]).unwrap_or_default();
            if title > 0 && title_text.starts_with(|c: char| c.is_ascii_digit()) && name_line(&blocks[title - 1]) {
                start = title - 1;
            }
        }
        None => {
            // No title: the preamble is the run of sentences just before the first heading.
            while start > 0 && paragraph(&blocks[start - 1]).is_some_and(|l| l.contains('。')) {
                start -= 1;
            }
        }
    }
    let end = blocks[first_heading..]
        .iter()
        .position(|b| paragraph(b).is_some_and(|l| PAGE_FOOTER.iter().any(|f| l.contains(f)) && !l.contains('。')))
        .map_or(blocks.len(), |i| first_heading + i);
    blocks.into_iter().skip(start).take(end - start).collect()
}

fn paragraph(block: &Block) -> Option<&str> {
    match block {
        Block::Paragraph(p) => Some(p.text.as_str()),
        Block::Table(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(blocks: &[Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text.clone(),
                Block::Table(t) => {
                    let rows: Vec<String> = t.rows.iter().map(|r| r.iter().map(|c| c.text.as_str()).collect::<Vec<_>>().join("|")).collect();
                    format!("[{}]", rows.join(" / "))
                }
            })
            .collect()
    }

    #[test]
    fn merged_cells_come_out_as_word_stores_them() {
        let html = "<table><tr><td rowspan=2 colspan=2>角</td><td>a</td><td rowspan=3>右</td></tr>\
                    <tr><td>b</td></tr><tr><td>c<p>d</td><td>e</td><td>f</td></tr></table>";
        let blocks = read_text(html).unwrap();
        assert_eq!(texts(&blocks), ["[角|a|右 / |b| / c\nd|e|f|]"]);
        let Block::Table(t) = &blocks[0] else { panic!() };
        assert_eq!(t.rows[2][1].at, SourcePos::Cell { table: 1, row: 3, column: 2 });
    }

    #[test]
    fn word_html_soup_and_hidden_content() {
        let html = "<html><head><title>标题</title><style>p{}</style></head><body><script>var a='<p>x</p>';</script>\
                    <p class=MsoNormal><span lang=EN-US style='mso-x'>2024</span><span>年，<o:p></o:p></span><font>全&nbsp;&nbsp;年</font></p>\
                    <p><o:p>&nbsp;</o:p></p><div>下<br>一行</div></body></html>";
        assert_eq!(texts(&read_text(html).unwrap()), ["2024年，全 年", "下", "一行"]);
        // A head never closed, a self-closed script, an empty <svg/>.
        let html = "<html><head><title>t</title><script src=a.js /> var x = '<p>no</p>';</script><body><svg/><p>正文</p>";
        assert_eq!(texts(&read_text(html).unwrap()), ["正文"]);
    }

    #[test]
    fn layout_tables_are_read_as_their_content() {
        let html = "<table><tr><td>导航</td><td><p>一、总体情况</p><table><tr><td>规章</td><td>0</td></tr></table></td></tr></table>";
        assert_eq!(texts(&read_text(html).unwrap()), ["一、总体情况", "[规章|0]"]);
    }

    #[test]
    fn the_article_is_cut_out_of_the_portal() {
        let html = "<p>首页 &gt; 信息公开</p><table><tr><td>索引号</td><td>123</td></tr></table>\
                    <h1>某局2023年政府信息公开年度报告</h1><p>根据条例，现公布本报告。</p><p>一、总体情况</p><p>正文。</p>\
                    <p>六、其他需要报告的事项</p><p>无。</p><p>【打印】【关闭】</p><p>版权所有：某县人民政府</p>";
        assert_eq!(
            texts(&read_text(html).unwrap()),
            ["某局2023年政府信息公开年度报告", "根据条例，现公布本报告。", "一、总体情况", "正文。", "六、其他需要报告的事项", "无。"]
        );
    }

    #[test]
    fn charsets_declared_or_shown_by_the_bytes() {
        let gbk = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>\xC4\xEA\xB6\xC8</p></body></html>";
        assert_eq!(texts(&read(gbk).unwrap()), ["年度"]);
        assert_eq!(declared_charset(b"<meta charset='GBK'>").as_deref(), Some("gbk"));
        let bom = [b"\xEF\xBB\xBF".as_slice(), "<p>年度</p>".as_bytes()].concat();
        assert_eq!(texts(&read(&bom).unwrap()), ["年度"]);
    }

    #[test]
    fn hostile_pages_are_bounded() {
        let deep = format!("{}x{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        assert_eq!(texts(&read_text(&deep).unwrap()), ["x"]);
        let tables = "<table><tr><td>".repeat(1_000);
        assert!(read_text(&tables).unwrap_err().message.contains("嵌套超过"));
        assert!(read(&vec![b' '; MAX_HTML_BYTES + 1]).unwrap_err().message.contains("上限"));
        let text = format!("<p>{}", "年度报告".repeat(300_000));
        assert!(read_text(&text).unwrap_err().message.contains("文字超过 3 MB"));
        let cells = format!("<table>{}", "<tr><td>1</td><td>2</td></tr>".repeat(20_000));
        assert!(read_text(&cells).unwrap_err().message.contains("单元格超过"));
        let rows = format!("<table><tr>{}{}", "<td rowspan=1000>x</td>".repeat(1_000), "<tr>".repeat(999));
        assert!(read_text(&rows).unwrap_err().message.contains("单元格超过"));
        let empty_rows = format!("<table>{}", "<tr>".repeat(20_001));
        assert!(read_text(&empty_rows).unwrap_err().message.contains("单元格超过"));
    }

    #[test]
    fn an_element_left_open_does_not_keep_its_tables_open() {
        // Found by fuzzing: the page ended inside <select> (or <title>, <svg>…) within a table.
        for hidden in ["select", "title", "svg", "textarea"] {
            let html = format!("<table><tr><td>规章</td><td>0</td></tr><tr><td><{hidden}>x");
            assert_eq!(texts(&read_text(&html).unwrap()), ["[规章|0 / ]"], "{hidden}");
        }
    }
}
