//! One agency under the several ways its name gets written: 「通榆县边昭镇人民政府」,
//! 「通榆县 边昭镇」, 「通榆县边昭镇政府」 and full-width letters or brackets all name one body.

/// The name reduced to what identifies the agency: no whitespace, full-width ASCII forms
/// folded to half width, Latin letters lower-cased, and no 「人民政府」/「政府」 suffix.
/// Empty when the name is empty.
pub fn key(name: &str) -> String {
    let mut folded: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let suffix = ["人民政府", "政府"].into_iter().find(|s| folded.ends_with(s));
    if let Some(suffix) = suffix.filter(|s| folded.len() > s.len()) {
        folded.truncate(folded.len() - suffix.len());
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn one_agency_however_written() {
        let k = key("通榆县边昭镇人民政府");
        assert_eq!(k, "通榆县边昭镇");
        assert_eq!(key(" 通榆县 边昭镇\u{3000}人民政府 "), k);
        assert_eq!(key("通榆县边昭镇政府"), k);
        assert_eq!(key("通榆县边昭镇"), k);
        assert_eq!(key("某市发展和改革委员会（ＡＢＣ）"), "某市发展和改革委员会(abc)");
        assert_ne!(key("通榆县人民政府"), key("通榆县人民政府办公室"));
        assert_eq!(key("人民政府"), "人民政府");
        assert_eq!(key(""), "");
    }
}
