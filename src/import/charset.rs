//! Turning the bytes of a text or a web page into text: UTF-8, UTF-16 with a byte-order mark,
//! and the legacy charsets Chinese offices still save in (GBK, GB2312, GB18030 — Notepad's
//! and WPS's 「ANSI」, and many portals' pages).
//!
//! Decoding itself has two implementations with one signature: natively `encoding_rs`; in
//! WebAssembly the browser's `TextDecoder` (web-sys), which already carries every WHATWG
//! encoding, so the module does not ship a second copy of the GB18030 tables.

use std::borrow::Cow;

/// The encoding the bytes are in, and the bytes without their byte-order mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Another charset by its WHATWG label (`gb18030`, `big5`, …).
    Legacy(&'static str),
}

/// The charset of `bytes`: a byte-order mark wins; then valid UTF-8; then `declared` (a
/// page's `<meta charset>`), if it names a charset; else GB18030 when the bytes read as GBK.
/// `None`: none of these fits (binary data, or an encoding we cannot tell).
pub fn detect<'a>(bytes: &'a [u8], declared: Option<&str>) -> Option<(Charset, &'a [u8])> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return Some((Charset::Utf8, rest));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Some((Charset::Utf16Le, rest));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Some((Charset::Utf16Be, rest));
    }
    if std::str::from_utf8(bytes).is_ok() {
        return Some((Charset::Utf8, bytes));
    }
    if let Some(label) = declared.and_then(known_label) {
        return Some((if label == "utf-8" { Charset::Utf8 } else { Charset::Legacy(label) }, bytes));
    }
    looks_like_gbk(bytes).then_some((Charset::Legacy("gb18030"), bytes))
}

/// The charsets a Chinese page may declare, by their WHATWG names (GBK and GB2312 are decoded
/// as GB18030, their superset, as browsers do).
fn known_label(declared: &str) -> Option<&'static str> {
    let label = declared.trim().trim_matches(['"', '\'']).to_ascii_lowercase();
    Some(match label.as_str() {
        "utf-8" | "utf8" | "unicode-1-1-utf-8" => "utf-8",
        "gbk" | "gb2312" | "gb_2312-80" | "x-gbk" | "cp936" | "windows-936" | "ms936" | "chinese" | "csgb2312" | "iso-ir-58"
        | "gb18030" => "gb18030",
        "big5" | "big5-hkscs" | "cn-big5" | "x-x-big5" => "big5",
        "windows-1252" | "iso-8859-1" | "latin1" | "us-ascii" | "ascii" => "windows-1252",
        _ => return None,
    })
}

/// True when every non-ASCII byte forms a valid GBK/GB18030 two-byte character, and there is one.
fn looks_like_gbk(bytes: &[u8]) -> bool {
    let mut i = 0;
    let mut pairs = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            i += 1;
            continue;
        }
        let Some(&t) = bytes.get(i + 1) else { return false };
        if (0x81..=0xFE).contains(&b) && (0x30..=0x39).contains(&t) {
            // A GB18030 four-byte sequence.
            let (Some(&c), Some(&d)) = (bytes.get(i + 2), bytes.get(i + 3)) else { return false };
            if !(0x81..=0xFE).contains(&c) || !(0x30..=0x39).contains(&d) {
                return false;
            }
            pairs += 1;
            i += 4;
            continue;
        }
        if !(0x81..=0xFE).contains(&b) || !(0x40..=0xFE).contains(&t) || t == 0x7F {
            return false;
        }
        pairs += 1;
        i += 2;
    }
    pairs > 0
}

/// Decodes bytes (without their byte-order mark) in `charset`; malformed sequences become U+FFFD.
pub fn decode(bytes: &[u8], charset: Charset) -> Cow<'_, str> {
    match charset {
        Charset::Utf8 => String::from_utf8_lossy(bytes),
        Charset::Utf16Le => Cow::Owned(utf16(bytes, u16::from_le_bytes)),
        Charset::Utf16Be => Cow::Owned(utf16(bytes, u16::from_be_bytes)),
        Charset::Legacy(label) => Cow::Owned(legacy::decode(bytes, label)),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units).map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER)).collect()
}

#[cfg(not(target_arch = "wasm32"))]
mod legacy {
    pub fn decode(bytes: &[u8], label: &str) -> String {
        let encoding = encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::GB18030);
        encoding.decode_without_bom_handling(bytes).0.into_owned()
    }
}

#[cfg(target_arch = "wasm32")]
mod legacy {
    use web_sys::TextDecoder;

    pub fn decode(bytes: &[u8], label: &str) -> String {
        // Every label of known_label() is one the Encoding Standard (and so every browser
        // since Chromium 38) knows; the fallback only guards against a browser that does not.
        TextDecoder::new_with_label(label)
            .and_then(|decoder| decoder.decode_with_u8_array(bytes))
            .unwrap_or_else(|_| String::from_utf8_lossy(bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charsets_are_told_and_decoded() {
        let gbk = b"\xC4\xEA\xB6\xC8\xB1\xA8\xB8\xE6"; // 年度报告
        let (charset, rest) = detect(gbk, None).unwrap();
        assert_eq!(decode(rest, charset), "年度报告");
        assert_eq!(detect(gbk, Some("GB2312")).unwrap().0, Charset::Legacy("gb18030"));
        assert_eq!(detect("年度".as_bytes(), Some("gbk")).unwrap().0, Charset::Utf8);
        let (charset, rest) = detect(b"\xEF\xBB\xBFabc", None).unwrap();
        assert_eq!((charset, rest), (Charset::Utf8, &b"abc"[..]));
        let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("年度".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let (charset, rest) = detect(&utf16, None).unwrap();
        assert_eq!(decode(rest, charset), "年度");
        // A GB18030 four-byte character (U+00B7 is 0x81 0x30 0x81 0x30 … here: €-less check).
        assert!(looks_like_gbk(b"a\x81\x30\x81\x30b"));
        assert!(detect(&[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0xFF], None).is_none());
    }
}
