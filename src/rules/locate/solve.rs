//! Whether changing a few given cells can satisfy the linear rules they take part in: a small
//! system `Σ aᵢ dᵢ (= | ≥) b` in the changes `dᵢ`, solved exactly in rationals, with the new
//! values integers, not negative and within `u64`.

use std::cmp::Ordering;

/// The most cells a set may have.
pub const MAX_CELLS: usize = 3;

/// One linear condition on the changes: `Σ coefficients[i] × dᵢ` equals (or is at least) `rhs`.
#[derive(Debug, Clone)]
pub struct Condition {
    pub coefficients: [i128; MAX_CELLS],
    pub rhs: i128,
    pub equal: bool,
}

/// What the new values of the cells can be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Solution {
    /// No values work.
    None,
    /// Exactly these values.
    Unique(Vec<u64>),
    /// One cell, any value from `min` to `max` (`None`: no upper bound).
    Range { min: u64, max: Option<u64> },
    /// Several cells, more than one combination of values.
    Many,
    /// Two or more degrees of freedom: not examined (never minimal in these tables).
    Unknown,
}

/// Solves for the new values of cells now holding `current` (one to [`MAX_CELLS`]).
pub fn solve(current: &[u64], conditions: &[Condition]) -> Solution {
    solve_checked(current, conditions).unwrap_or(Solution::Unknown)
}

/// An exact rational with a positive denominator, in lowest terms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Q {
    n: i128,
    d: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs()
}

impl Q {
    const ZERO: Q = Q { n: 0, d: 1 };

    fn int(n: i128) -> Q {
        Q { n, d: 1 }
    }

    fn new(n: i128, d: i128) -> Option<Q> {
        if d == 0 {
            return None;
        }
        let g = gcd(n, d).max(1);
        let sign = if d < 0 { -1 } else { 1 };
        Some(Q { n: sign * (n / g), d: sign * (d / g) })
    }

    fn add(self, o: Q) -> Option<Q> {
        Q::new(self.n.checked_mul(o.d)?.checked_add(o.n.checked_mul(self.d)?)?, self.d.checked_mul(o.d)?)
    }

    fn sub(self, o: Q) -> Option<Q> {
        self.add(Q { n: o.n.checked_neg()?, d: o.d })
    }

    fn mul(self, o: Q) -> Option<Q> {
        Q::new(self.n.checked_mul(o.n)?, self.d.checked_mul(o.d)?)
    }

    fn div(self, o: Q) -> Option<Q> {
        Q::new(self.n.checked_mul(o.d)?, self.d.checked_mul(o.n)?)
    }

    fn floor(self) -> i128 {
        self.n.div_euclid(self.d)
    }

    fn ceil(self) -> i128 {
        -(-self.n).div_euclid(self.d)
    }

    fn is_int(self) -> bool {
        self.d == 1
    }
}

/// A value in terms of the free change `t`: `constant + slope × t`.
#[derive(Debug, Clone, Copy)]
struct Affine {
    constant: Q,
    slope: Q,
}

fn solve_checked(current: &[u64], conditions: &[Condition]) -> Option<Solution> {
    let k = current.len();
    debug_assert!((1..=MAX_CELLS).contains(&k));
    // Gauss–Jordan elimination of the equalities.
    let mut rows: Vec<(Vec<Q>, Q)> = conditions
        .iter()
        .filter(|c| c.equal)
        .map(|c| (c.coefficients[..k].iter().map(|&a| Q::int(a)).collect(), Q::int(c.rhs)))
        .collect();
    let mut pivots: Vec<(usize, usize)> = Vec::new();
    for col in 0..k {
        let rank = pivots.len();
        let Some(found) = (rank..rows.len()).find(|&r| rows[r].0[col] != Q::ZERO) else { continue };
        rows.swap(rank, found);
        let pivot = rows[rank].0[col];
        for j in 0..k {
            rows[rank].0[j] = rows[rank].0[j].div(pivot)?;
        }
        rows[rank].1 = rows[rank].1.div(pivot)?;
        for r in 0..rows.len() {
            let factor = rows[r].0[col];
            if r == rank || factor == Q::ZERO {
                continue;
            }
            for j in 0..k {
                rows[r].0[j] = rows[r].0[j].sub(factor.mul(rows[rank].0[j])?)?;
            }
            rows[r].1 = rows[r].1.sub(factor.mul(rows[rank].1)?)?;
        }
        pivots.push((rank, col));
    }
    if rows[pivots.len()..].iter().any(|(_, rhs)| *rhs != Q::ZERO) {
        return Some(Solution::None);
    }
    let free: Vec<usize> = (0..k).filter(|c| !pivots.iter().any(|&(_, pc)| pc == *c)).collect();
    if free.len() > 1 {
        return Some(Solution::Unknown);
    }
    // Every change as `constant + slope × t`, t the free change (if any).
    let mut changes = vec![Affine { constant: Q::ZERO, slope: Q::ZERO }; k];
    if let Some(&f) = free.first() {
        changes[f].slope = Q::int(1);
    }
    for &(row, col) in &pivots {
        let slope = free.first().map_or(Q::ZERO, |&f| Q { n: -rows[row].0[f].n, d: rows[row].0[f].d });
        changes[col] = Affine { constant: rows[row].1, slope };
    }
    // Each bound is `a × t ≥ b`: new values not negative, inequalities hold.
    let mut bounds: Vec<(Q, Q)> = Vec::new();
    for (change, &x) in changes.iter().zip(current) {
        bounds.push((change.slope, Q::int(-(x as i128)).sub(change.constant)?));
    }
    for c in conditions.iter().filter(|c| !c.equal) {
        let (mut a, mut b) = (Q::ZERO, Q::int(c.rhs));
        for (change, &coefficient) in changes.iter().zip(&c.coefficients) {
            a = a.add(change.slope.mul(Q::int(coefficient))?)?;
            b = b.sub(change.constant.mul(Q::int(coefficient))?)?;
        }
        bounds.push((a, b));
    }
    let (mut low, mut high): (Option<Q>, Option<Q>) = (None, None);
    for (a, b) in bounds {
        match a.n.cmp(&0) {
            Ordering::Equal if b.n > 0 => return Some(Solution::None),
            Ordering::Equal => {}
            Ordering::Greater => {
                let t = b.div(a)?;
                low = Some(low.map_or(t, |l| if t.n * l.d > l.n * t.d { t } else { l }));
            }
            Ordering::Less => {
                let t = b.div(a)?;
                high = Some(high.map_or(t, |h| if t.n * h.d < h.n * t.d { t } else { h }));
            }
        }
    }
    let value = |change: &Affine, x: u64, t: i128| -> Option<u64> {
        let v = Q::int(x as i128).add(change.constant)?.add(change.slope.mul(Q::int(t))?)?;
        (v.is_int() && v.n >= 0).then(|| u64::try_from(v.n).ok()).flatten()
    };
    if free.is_empty() {
        let values: Option<Vec<u64>> = changes.iter().zip(current).map(|(c, &x)| value(c, x, 0)).collect();
        return Some(values.map_or(Solution::None, Solution::Unique));
    }
    // One free change: the integers t in [low, high] that make every value whole.
    let low = low.map(Q::ceil);
    let high = high.map(Q::floor);
    if let (Some(l), Some(h)) = (low, high) {
        if l > h {
            return Some(Solution::None);
        }
    }
    let period = changes.iter().map(|c| c.slope.d).fold(1i128, |acc, d| acc / gcd(acc, d) * d);
    if period > 64 {
        return None;
    }
    let start = low.unwrap_or(-(current[free[0]] as i128));
    let whole = |t: i128| changes.iter().zip(current).all(|(c, &x)| value(c, x, t).is_some());
    let Some(first) = (start..start + period).find(|&t| high.is_none_or(|h| t <= h) && whole(t)) else {
        return Some(Solution::None);
    };
    let last = high.map(|h| first + (h - first) / period * period);
    if last == Some(first) {
        let values: Option<Vec<u64>> = changes.iter().zip(current).map(|(c, &x)| value(c, x, first)).collect();
        return Some(values.map_or(Solution::None, Solution::Unique));
    }
    if k > 1 {
        return Some(Solution::Many);
    }
    let min = value(&changes[0], current[0], first)?;
    let max = last.and_then(|l| value(&changes[0], current[0], l));
    Some(Solution::Range { min, max })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eq(coefficients: [i128; 3], rhs: i128) -> Condition {
        Condition { coefficients, rhs, equal: true }
    }

    fn at_least(coefficients: [i128; 3], rhs: i128) -> Condition {
        Condition { coefficients, rhs, equal: false }
    }

    #[test]
    fn one_cell_in_agreeing_sums_has_one_value() {
        // A total 3376 that two sums want at 3375.
        assert_eq!(solve(&[3376], &[eq([1, 0, 0], -1), eq([-1, 0, 0], 1)]), Solution::Unique(vec![3375]));
        assert_eq!(solve(&[5], &[eq([1, 0, 0], -1), eq([1, 0, 0], 2)]), Solution::None);
        // Not below zero.
        assert_eq!(solve(&[2], &[eq([1, 0, 0], -3)]), Solution::None);
    }

    #[test]
    fn two_cells_solve_together() {
        // d0 + d1 = -10, d0 = -3 (from another sum): d1 = -7.
        assert_eq!(solve(&[3, 8], &[eq([1, 1, 0], -10), eq([1, 0, 0], -3)]), Solution::Unique(vec![0, 1]));
        // d0 + d1 = -10 alone: many ways, as long as neither goes below zero.
        assert_eq!(solve(&[3, 8], &[eq([1, 1, 0], -10)]), Solution::Many);
        assert_eq!(solve(&[3, 7], &[eq([1, 1, 0], -10)]), Solution::Unique(vec![0, 0]));
        assert_eq!(solve(&[3, 6], &[eq([1, 1, 0], -10)]), Solution::None);
    }

    #[test]
    fn inequalities_give_ranges() {
        // 现行有效 6 + 废止 2 ≥ 制发 12: 现行有效 d ≥ 4, so at least 10.
        assert_eq!(solve(&[6], &[at_least([1, 0, 0], 4)]), Solution::Range { min: 10, max: None });
        // 制发 12: -d ≥ 4, at most 8.
        assert_eq!(solve(&[12], &[at_least([-1, 0, 0], 4)]), Solution::Range { min: 0, max: Some(8) });
        assert_eq!(solve(&[3], &[at_least([-1, 0, 0], 4)]), Solution::None);
        assert_eq!(solve(&[1, 1, 1], &[eq([1, 1, 1], 0)]), Solution::Unknown);
    }

    #[test]
    fn huge_counts_stay_exact() {
        let max = u64::MAX;
        assert_eq!(solve(&[max - 1], &[eq([1, 0, 0], 1)]), Solution::Unique(vec![max]));
        assert_eq!(solve(&[max], &[eq([1, 0, 0], 1)]), Solution::None);
    }
}
