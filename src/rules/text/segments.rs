//! Sentence and clause boundaries, computed once per text and looked up by byte offset.

/// Ends sentences: 。！？ and line breaks (a heading line is a sentence of its own).
pub const SENTENCE_ENDS: &[char] = &['。', '！', '？', '!', '?', '\n'];
/// Ends clauses: the sentence ends plus ，；：、 and their ASCII forms.
pub const CLAUSE_ENDS: &[char] = &['。', '！', '？', '!', '?', '\n', '，', ',', '；', ';', '：', ':'];

/// A text cut into segments at a set of delimiters; each segment keeps its byte range
/// (without the delimiter).
#[derive(Debug, Clone)]
pub struct Segments {
    /// Byte range of each segment, in order.
    ranges: Vec<(usize, usize)>,
}

impl Segments {
    pub fn new(text: &str, delimiters: &[char]) -> Segments {
        let mut ranges = Vec::new();
        let mut start = 0;
        let ascii: Vec<u8> = delimiters.iter().filter(|c| c.is_ascii()).map(|&c| c as u8).collect();
        for (i, c) in text.char_indices() {
            let delimiter = if c.is_ascii() { ascii.contains(&(c as u8)) } else { delimiters.contains(&c) };
            if delimiter {
                ranges.push((start, i));
                start = i + c.len_utf8();
            }
        }
        ranges.push((start, text.len()));
        Segments { ranges }
    }

    pub fn sentences(text: &str) -> Segments {
        Segments::new(text, SENTENCE_ENDS)
    }

    pub fn clauses(text: &str) -> Segments {
        Segments::new(text, CLAUSE_ENDS)
    }

    /// The segment holding byte `pos` (a delimiter belongs to the segment it ends).
    pub fn around(&self, pos: usize) -> (usize, usize) {
        let i = self.ranges.partition_point(|&(_, end)| end < pos);
        self.ranges.get(i).copied().unwrap_or((pos, pos))
    }

    pub fn iter(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.ranges.iter().copied()
    }

    /// Segments with some letters in them.
    pub fn non_empty<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize)> + 'a {
        self.iter().filter(move |&(s, e)| text[s..e].chars().any(|c| c.is_alphanumeric()))
    }
}

/// The clause or sentence around `start..end`, found by scanning at most `limit` bytes either
/// way (a clause is short; scanning a bounded stretch keeps a whole check linear in the text).
pub fn around_bounded(text: &str, start: usize, end: usize, delimiters: &[char], limit: usize) -> (usize, usize) {
    let mut from = start.saturating_sub(limit);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + limit).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let before = &text[from..start];
    let s = before.rfind(delimiters).map_or(from, |i| from + i + before[i..].chars().next().map_or(0, char::len_utf8));
    let e = text[end..to].find(delimiters).map_or(to, |i| end + i);
    (s, e)
}

/// The clause around a stretch of text (bounded scan, see [`around_bounded`]).
pub fn clause_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    around_bounded(text, start, end, CLAUSE_ENDS, 240)
}

/// The sentence around a stretch of text (bounded scan, see [`around_bounded`]).
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    around_bounded(text, start, end, SENTENCE_ENDS, 600)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_segment_around_an_offset() {
        let text = "共收到申请3件，办结3件。无复议";
        let clauses = Segments::clauses(text);
        let at = text.find("办结").unwrap();
        let (s, e) = clauses.around(at);
        assert_eq!(&text[s..e], "办结3件");
        let (s, e) = Segments::sentences(text).around(text.find("复议").unwrap());
        assert_eq!(&text[s..e], "无复议");
        assert_eq!(Segments::sentences(text).non_empty(text).count(), 2);
    }
}
