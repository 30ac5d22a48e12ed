//! Hostile PDFs, written by hand here so that a test controls every byte: reference loops,
//! huge and deflate-bomb streams, broken cross-reference data, 10,000 pages, deep nesting,
//! endless drawing; plus the scanned and the password-protected fixtures made by real
//! programs (tests/fixtures/import/pdf/make_pdfs.sh).

use super::{case, Hostile};

/// A PDF of the given objects (numbered from 1; object 1 is the catalog), with a correct
/// cross-reference table unless `xref` says otherwise.
pub fn pdf(objects: &[Vec<u8>], xref: Xref) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend(body);
        out.extend(b"\nendobj\n");
    }
    let start = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        let offset = if xref == Xref::WrongOffsets { offset * 7 % 100_000 + 3 } else { offset };
        out.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend(format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{start}\n%%EOF\n", objects.len() + 1).as_bytes());
    out
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Xref {
    Correct,
    /// Every offset points to the wrong place (a file edited without updating its xref).
    WrongOffsets,
}

pub fn stream(dict: &str, data: &[u8]) -> Vec<u8> {
    let mut out = format!("<< {dict} /Length {} >>\nstream\n", data.len()).into_bytes();
    out.extend(data);
    out.extend(b"\nendstream");
    out
}

fn object(text: &str) -> Vec<u8> {
    text.as_bytes().to_vec()
}

fn deflate(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(data).unwrap();
    encoder.finish().unwrap()
}

/// Catalog, page tree, one page with the given content and a standard font.
pub fn one_page(content: Vec<u8>) -> Vec<Vec<u8>> {
    vec![
        object("<< /Type /Catalog /Pages 2 0 R >>"),
        object("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"),
        content,
        object("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"),
    ]
}

fn text_page(text: &str) -> Vec<u8> {
    pdf(&one_page(stream("", format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET").as_bytes())), Xref::Correct)
}

fn page_tree_loop() -> Vec<u8> {
    pdf(&[object("<< /Type /Catalog /Pages 2 0 R >>"), object("<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>"), object("<< /Type /Pages /Parent 3 0 R /Kids [3 0 R 2 0 R] /Count 2 >>")], Xref::Correct)
}

/// A page whose resources are inherited through a `Parent` loop, drawing a form that draws
/// itself, with a `Contents` reference chain that ends in a loop.
fn drawing_loops() -> Vec<u8> {
    pdf(
        &[
            object("<< /Type /Catalog /Pages 2 0 R >>"),
            object("<< /Type /Pages /Kids [3 0 R] /Count 1 /Parent 3 0 R >>"),
            object("<< /Type /Page /Parent 2 0 R /Contents [4 0 R 6 0 R] >>"),
            stream("", b"q /X1 Do Q"),
            stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X1 5 0 R >> >>", b"0 0 m 10 10 l S /X1 Do"),
            object("7 0 R"),
            object("6 0 R"),
        ],
        Xref::Correct,
    )
}

fn pages(count: usize) -> Vec<u8> {
    let mut objects = vec![object("<< /Type /Catalog /Pages 2 0 R >>")];
    let kids: Vec<String> = (0..count).map(|i| format!("{} 0 R", i + 3)).collect();
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {count} >>", kids.join(" ")).into_bytes());
    objects.extend((0..count).map(|_| object("<< /Type /Page /Parent 2 0 R >>")));
    pdf(&objects, Xref::Correct)
}

fn bomb_content() -> Vec<u8> {
    let bomb = deflate(&vec![b' '; 200 << 20]);
    pdf(&one_page(stream("/Filter /FlateDecode", &bomb)), Xref::Correct)
}

/// The bomb inside an object stream, which a PDF reader inflates while loading.
fn bomb_object_stream() -> Vec<u8> {
    let bomb = deflate(&[b"1 0 ".as_slice(), &vec![b' '; 100 << 20]].concat());
    pdf(
        &[
            object("<< /Type /Catalog /Pages 2 0 R >>"),
            object("<< /Type /Pages /Kids [] /Count 0 >>"),
            stream("/Type /ObjStm /N 1 /First 4 /Filter /FlateDecode", &bomb),
        ],
        Xref::Correct,
    )
}

fn huge_content() -> Vec<u8> {
    pdf(&one_page(stream("", &b"0 0 m 1 1 l S\n".repeat(1 << 20))), Xref::Correct)
}

fn endless_drawing() -> Vec<u8> {
    pdf(&one_page(stream("/Filter /FlateDecode", &deflate(&b"q Q ".repeat(600_000)))), Xref::Correct)
}

fn deep_arrays() -> Vec<u8> {
    let deep = format!("<< /Type /Catalog /Pages 2 0 R /Deep {}{} >>", "[".repeat(100_000), "]".repeat(100_000));
    let mut objects = one_page(stream("", b"BT /F1 12 Tf 72 720 Td (x) Tj ET"));
    objects[0] = deep.into_bytes();
    pdf(&objects, Xref::Correct)
}

/// Text in a font without any mapping to Unicode (an Identity-H font without ToUnicode).
fn unmapped_font() -> Vec<u8> {
    let mut objects = one_page(stream("", b"BT /F1 12 Tf 72 720 Td <00410042> Tj ET"));
    objects[4] = object("<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X >>] >>");
    pdf(&objects, Xref::Correct)
}

const SCANNED: &[u8] = include_bytes!("../fixtures/import/pdf/scanned.pdf");
const USER_PASSWORD: &[u8] = include_bytes!("../fixtures/import/pdf/user-password.pdf");

pub fn cases() -> Vec<Hostile> {
    let truncated = text_page("x")[..60].to_vec();
    vec![
        case("PDF: page tree that contains itself", page_tree_loop(), "loop.pdf", "没有找到任何页面"),
        case("PDF: resources, forms and contents that refer to themselves", drawing_loops(), "loops.pdf", "没有任何文字"),
        case("PDF: 10,000 pages", pages(10_000), "pages.pdf", "超过了 100 页"),
        case("PDF: deflate bomb (200 MB of content in 200 KB)", bomb_content(), "bomb.pdf", "压缩炸弹"),
        case("PDF: deflate bomb in an object stream", bomb_object_stream(), "objstm.pdf", "压缩炸弹"),
        case("PDF: a 14 MB content stream", huge_content(), "huge.pdf", "8 MB"),
        case("PDF: 1.2 million drawing operators", endless_drawing(), "endless.pdf", "过于复杂"),
        case("PDF: arrays nested 100,000 deep", deep_arrays(), "deep.pdf", "没有找到任何页面"),
        case("PDF: cross-reference table with wrong offsets", pdf(&one_page(stream("", b"BT /F1 12 Tf 72 720 Td (note) Tj ET")), Xref::WrongOffsets), "xref.pdf", "没有找到年度报告的内容"),
        case("PDF: no cross-reference table, cut off in the middle", truncated, "cut.pdf", "已损坏"),
        case("PDF: 70 MB", [b"%PDF-1.7\n".as_slice(), &vec![b' '; 70 << 20]].concat(), "big.pdf", "64 MB"),
        case("PDF: text in a font with no Unicode mapping", unmapped_font(), "font.pdf", "无法解码"),
        case("PDF: a scan (pages of images only)", SCANNED.to_vec(), "scan.pdf", "扫描件"),
        case("PDF: a user password", USER_PASSWORD.to_vec(), "secret.pdf", "打开密码"),
    ]
}
