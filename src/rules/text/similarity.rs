//! How alike two texts are, as a reader judges copied text: letters only (spaces, punctuation
//! and line breaks do not count), digits folded so that changed numbers and years do not hide a
//! copy, and overlapping runs of characters (shingles) compared as sets. Shared by rule Y003
//! (this year against last year) and the batch's search for text copied between agencies.

use std::collections::HashMap;

use super::is_letter;

/// Characters per shingle: five Chinese characters are about two words, so two texts share
/// a shingle only where they share a phrase, not a common word.
pub const SHINGLE: usize = 5;

/// A text reduced to its letters, each with the byte range it came from.
#[derive(Debug, Clone, Default)]
pub struct Letters {
    pub chars: Vec<char>,
    /// Byte offset in the original text of each char, plus its end.
    starts: Vec<usize>,
    ends: Vec<usize>,
}

impl Letters {
    pub fn of(text: &str) -> Letters {
        let mut letters = Letters::default();
        for (i, c) in text.char_indices() {
            let c = match c {
                '０'..='９' | '0'..='9' => '0',
                'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c).to_ascii_lowercase(),
                _ if c.is_ascii_uppercase() => c.to_ascii_lowercase(),
                _ => c,
            };
            if is_letter(c) {
                letters.chars.push(c);
                letters.starts.push(i);
                letters.ends.push(i + text[i..].chars().next().map_or(1, char::len_utf8));
            }
        }
        letters
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The byte range in the original text of letters `from..to`.
    pub fn byte_range(&self, from: usize, to: usize) -> (usize, usize) {
        if from >= to {
            return (0, 0);
        }
        (self.starts[from], self.ends[to - 1])
    }

    /// The hash of every shingle, in order (empty when the text is shorter than one).
    pub fn shingles(&self) -> Vec<u64> {
        self.chars.windows(SHINGLE).map(hash_chars).collect()
    }
}

/// FNV-1a over the characters, then a final mix: stable across platforms and runs.
pub fn hash_chars(chars: &[char]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        h ^= c as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    mix(h)
}

/// A 64-bit finaliser (from SplitMix64): spreads the bits of a hash.
pub fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Jaccard similarity of the two texts' shingle sets: 1.0 for the same text.
pub fn resemblance(a: &Letters, b: &Letters) -> f64 {
    let mut a = a.shingles();
    let mut b = b.shingles();
    a.sort_unstable();
    a.dedup();
    b.sort_unstable();
    b.dedup();
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared as f64 / (a.len() + b.len() - shared) as f64
}

/// The longest run of letters the two texts share: `(start in a, start in b, length)`.
/// Linear in the texts' length (a suffix automaton of `a`, walked along `b`).
pub fn longest_shared(a: &[char], b: &[char]) -> (usize, usize, usize) {
    let automaton = SuffixAutomaton::new(a);
    let (mut state, mut length) = (0usize, 0usize);
    let mut best = (0, 0, 0);
    for (j, &c) in b.iter().enumerate() {
        while state != 0 && !automaton.states[state].next.contains_key(&c) {
            state = automaton.states[state].link;
            length = automaton.states[state].len;
        }
        if let Some(&next) = automaton.states[state].next.get(&c) {
            state = next;
            length += 1;
        }
        if length > best.2 {
            let end_in_a = automaton.states[state].first_end + 1;
            best = (end_in_a - length, j + 1 - length, length);
        }
    }
    best
}

/// The suffix automaton of a text: every substring is a path from state 0.
struct SuffixAutomaton {
    states: Vec<State>,
}

#[derive(Clone, Default)]
struct State {
    next: HashMap<char, usize>,
    link: usize,
    len: usize,
    /// Where in the text the state's substrings first end.
    first_end: usize,
}

impl SuffixAutomaton {
    fn new(text: &[char]) -> SuffixAutomaton {
        let mut states = Vec::with_capacity(text.len() * 2 + 1);
        states.push(State::default());
        let mut last = 0;
        for (i, &c) in text.iter().enumerate() {
            let current = states.len();
            states.push(State { len: states[last].len + 1, first_end: i, ..State::default() });
            let mut p = Some(last);
            while let Some(q) = p {
                if states[q].next.contains_key(&c) {
                    break;
                }
                states[q].next.insert(c, current);
                p = (q != 0).then(|| states[q].link);
            }
            if let Some(p) = p {
                let q = states[p].next[&c];
                if states[p].len + 1 == states[q].len {
                    states[current].link = q;
                } else {
                    let clone = states.len();
                    states.push(State { len: states[p].len + 1, ..states[q].clone() });
                    let mut r = Some(p);
                    while let Some(s) = r {
                        if states[s].next.get(&c) != Some(&q) {
                            break;
                        }
                        states[s].next.insert(c, clone);
                        r = (s != 0).then(|| states[s].link);
                    }
                    states[q].link = clone;
                    states[current].link = clone;
                }
            }
            last = current;
        }
        SuffixAutomaton { states }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn letters_ignore_spacing_and_fold_digits() {
        let a = Letters::of("2023 年，全面 推进政务公开。");
        let b = Letters::of("２０２４年全面推进政务公开");
        assert_eq!(a.chars, b.chars);
        assert_eq!(resemblance(&a, &b), 1.0);
        assert_eq!(a.byte_range(0, 4), (0, 4));
    }

    #[test]
    fn longest_shared_run() {
        let a = chars("甲乙丙丁戊己庚辛");
        let b = chars("子丑丙丁戊己寅卯");
        assert_eq!(longest_shared(&a, &b), (2, 2, 4));
        assert_eq!(longest_shared(&chars("abcabcabd"), &chars("xxabcabdyy")), (3, 2, 6));
        assert_eq!(longest_shared(&chars("abc"), &chars("xyz")).2, 0);
        let text: Vec<char> = "为和谐新郑建设发挥积极作用".chars().collect();
        let other: Vec<char> = "我们要为和谐新郑建设发挥积极作用。".chars().collect();
        assert_eq!(longest_shared(&text, &other), (0, 3, text.len()));
    }
}
