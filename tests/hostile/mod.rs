//! Hostile input for the importer, shared by the native tests (tests/import.rs) and the
//! browser tests (tests/import_wasm.rs): each case is the bytes, a file name, and a piece of
//! the Chinese message it must get.

mod pdf;

pub struct Hostile {
    pub what: &'static str,
    pub bytes: Vec<u8>,
    pub file_name: &'static str,
    pub message: &'static str,
}

fn case(what: &'static str, bytes: Vec<u8>, file_name: &'static str, message: &'static str) -> Hostile {
    Hostile { what, bytes, file_name, message }
}

/// Every hostile input of the import issue, generated (nothing large is committed).
pub fn cases() -> Vec<Hostile> {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend([0u8; 512]);
    let mut encrypted = ole.clone();
    encrypted.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    let names: Vec<String> = (0..2_500).map(|i| format!("f{i}")).collect();
    let many: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b""[..])).collect();
    let deep = format!("<w:document>{}{}</w:document>", "<w:p>".repeat(10_000), "</w:p>".repeat(10_000));
    let gbk_xml = b"<w:document><w:body><w:p><w:r><w:t>\xC4\xEA</w:t></w:r></w:p></w:body></w:document>";
    let mut cases = vec![
        case("empty file", Vec::new(), "a.docx", "空的"),
        case("not a zip", b"PK\x03\x04 not really a zip".to_vec(), "a.docx", "已损坏或不完整"),
        case("old binary .doc", ole, "report.docx", "Word 97-2003"),
        case("encrypted document (OLE2)", encrypted, "report.docx", "打开密码"),
        case("encrypted zip entry", stored_zip(&[("word/document.xml", b"<w:document/>")], true), "a.docx", "打开密码"),
        case("PDF renamed to .docx", b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n".to_vec(), "report.docx", "PDF"),
        case("RTF", b"{\\rtf1\\ansi".to_vec(), "report.doc", "RTF"),
        case("an image", vec![0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1A, b'\n', 0, 0, 0xFF], "report.docx", "图片（PNG）"),
        case("not a Word file named .docx", vec![0x00, 0x01, 0xFF, 0xFE, 0x80], "report.docx", "扩展名为 .docx"),
        case("an Excel workbook", stored_zip(&[("xl/workbook.xml", b"<workbook/>")], false), "a.docx", "Excel"),
        case("2,500 zip entries", stored_zip(&many, false), "a.docx", "2500 个压缩条目"),
        case("zip bomb (66 MB claiming 100 bytes)", bomb_zip(66 << 20), "bomb.docx", "压缩炸弹"),
        case("XML nested 10,000 deep", stored_zip(&[("word/document.xml", deep.as_bytes())], false), "deep.docx", "嵌套超过"),
        case("broken XML", stored_zip(&[("word/document.xml", b"<w:document><w:body><w:p></w:body>")], false), "broken.docx", "XML 格式错误"),
        case("GBK inside the XML", stored_zip(&[("word/document.xml", gbk_xml)], false), "gbk.docx", "UTF-8"),
        case("GBK text that is no report", vec![b'a', b'b', 0xC4, 0xEA, 0xB6, 0xC8], "report.txt", "没有找到年度报告的内容"),
        case("binary data", vec![b'a', 0xFF, 0xFF, 0x00, 0x01], "report.txt", "第 2 个字节（0xFF）"),
        case("100 MB text file", vec![b'a'; 100 << 20], "big.txt", "20 MB"),
        case("text that is no report", "随便写的一段话。".as_bytes().to_vec(), "note.txt", "没有找到年度报告的内容"),
        case("JSON that is no report", b"{\"format\": 1}".to_vec(), "x.json", "JSON 文件有误"),
        case("HTML nested 100,000 deep", deep_html(100_000).into_bytes(), "deep.html", "没有找到年度报告的内容"),
        case("HTML tables nested 100,000 deep", "<table><tr><td>".repeat(100_000).into_bytes(), "deep.html", "嵌套超过"),
        case("100 MB HTML page", [b"<html><body>".as_slice(), &vec![b'x'; 100 << 20]].concat(), "big.html", "上限"),
        case(".doc whose FAT loops", doc_with_looping_fat(), "loop.doc", "已损坏"),
        case(".doc whose DIFAT starts at its header", doc_with_header_field(0x44, 0), "difat.doc", "已损坏"),
        case(".doc with its directory beyond the file", doc_with_header_field(0x30, 0x00FF_FFF0), "dir.doc", "已损坏"),
        case(".doc whose text pieces point outside", doc_with_broken_piece_table(), "pieces.doc", "已损坏"),
        case(".doc flagged encrypted", doc_flagged_encrypted(), "secret.doc", "打开密码"),
    ];
    cases.extend(pdf::cases());
    cases
}

fn deep_html(depth: usize) -> String {
    format!("<html><body>{}正文{}</body></html>", "<div><span>".repeat(depth), "</span></div>".repeat(depth))
}

/// LibreOffice's .doc of the seed report (tests/fixtures/import/gen/make_exports.sh).
const SEED_DOC: &[u8] = include_bytes!("../fixtures/import/lo-doc/seed.doc");

fn u32_at(bytes: &[u8], at: usize) -> usize {
    u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap()) as usize
}

/// Every entry of the first FAT sector points to itself: every chain is a loop.
fn doc_with_looping_fat() -> Vec<u8> {
    let mut doc = SEED_DOC.to_vec();
    let fat = (u32_at(&doc, 0x4C) + 1) * 512;
    for i in 0..128 {
        doc[fat + i * 4..fat + i * 4 + 4].copy_from_slice(&(i as u32).to_le_bytes());
    }
    doc
}

#[allow(dead_code)] // also used by tests/import.rs, not by the browser tests
pub fn doc_with_header_field(at: usize, value: u32) -> Vec<u8> {
    let mut doc = SEED_DOC.to_vec();
    doc[at..at + 4].copy_from_slice(&value.to_le_bytes());
    doc
}

/// The text of the WordDocument stream, found by the FIB's signature, with a changed FIB.
fn doc_with_fib(change: impl Fn(&mut [u8])) -> Vec<u8> {
    let mut doc = SEED_DOC.to_vec();
    let fib = (0..doc.len() / 512).map(|s| s * 512).find(|at| doc[*at..*at + 2] == [0xEC, 0xA5]).expect("a FIB");
    change(&mut doc[fib..fib + 1024]);
    doc
}

/// The piece table's location (fcClx) moved far outside the table stream.
fn doc_with_broken_piece_table() -> Vec<u8> {
    doc_with_fib(|fib| {
        let csw = u16::from_le_bytes([fib[32], fib[33]]) as usize;
        let cslw_at = 34 + csw * 2;
        let cslw = u16::from_le_bytes([fib[cslw_at], fib[cslw_at + 1]]) as usize;
        let blob = cslw_at + 2 + cslw * 4 + 2;
        fib[blob + 33 * 8..blob + 33 * 8 + 4].copy_from_slice(&0x7000_0000u32.to_le_bytes());
    })
}

fn doc_flagged_encrypted() -> Vec<u8> {
    doc_with_fib(|fib| fib[0x0B] |= 0x01)
}

/// One entry of a zip archive written by hand, so that a test controls every header field.
struct Entry<'a> {
    name: &'a str,
    /// The bytes as stored (already deflated when `method` is 8).
    data: &'a [u8],
    method: u16,
    flags: u16,
    crc: u32,
    /// The uncompressed size the headers claim.
    size: u32,
}

fn zip_archive(entries: &[Entry]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for entry in entries {
        let offset = out.len() as u32;
        let header = |signature: u32, central: bool| {
            let mut h = Vec::new();
            h.extend(signature.to_le_bytes());
            if central {
                h.extend(20u16.to_le_bytes()); // version made by
            }
            h.extend(20u16.to_le_bytes()); // version needed
            h.extend(entry.flags.to_le_bytes());
            h.extend(entry.method.to_le_bytes());
            h.extend(0u32.to_le_bytes()); // time, date
            h.extend(entry.crc.to_le_bytes());
            h.extend((entry.data.len() as u32).to_le_bytes());
            h.extend(entry.size.to_le_bytes());
            h.extend((entry.name.len() as u16).to_le_bytes());
            h.extend(0u16.to_le_bytes()); // extra field length
            if central {
                h.extend([0u8; 10]); // comment length, disk, attributes
                h.extend(offset.to_le_bytes());
            }
            h.extend(entry.name.as_bytes());
            h
        };
        out.extend(header(0x04034b50, false));
        out.extend(entry.data);
        central.extend(header(0x02014b50, true));
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x06054b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((entries.len() as u16).to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// A zip archive of stored (uncompressed) entries, optionally flagged as encrypted.
fn stored_zip(entries: &[(&str, &[u8])], encrypted: bool) -> Vec<u8> {
    let entries: Vec<Entry> = entries
        .iter()
        .map(|(name, data)| Entry {
            name,
            data,
            method: 0,
            flags: u16::from(encrypted),
            crc: crc32(data),
            size: data.len() as u32,
        })
        .collect();
    zip_archive(&entries)
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// A deflated entry of `size` spaces whose headers claim it is only 100 bytes.
fn bomb_zip(size: usize) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
    let chunk = vec![b' '; 1 << 20];
    for _ in 0..size / chunk.len() {
        encoder.write_all(&chunk).unwrap();
    }
    let deflated = encoder.finish().unwrap();
    // The CRC is never reached: reading stops at the size limit first.
    zip_archive(&[Entry { name: "word/document.xml", data: &deflated, method: 8, flags: 0, crc: 0, size: 100 }])
}
