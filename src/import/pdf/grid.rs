//! Tables from their drawn borders, as a "lattice" reader does: the horizontal and vertical
//! rules that touch each other form one table; their positions give the grid's columns and
//! rows; two neighbouring grid cells with no border between them are one merged cell.

use super::content::Rule;
use super::Rect;

/// Rules this close (points) are one line, or touch.
const TOLERANCE: f64 = 2.0;
/// A border is there when rules cover this share of a grid cell's side.
const COVERED: f64 = 0.5;

/// One cell of a table, merged cells included: its place in the grid and its area.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    pub row: usize,
    pub col: usize,
    pub rows: usize,
    pub cols: usize,
    pub rect: Rect,
}

/// A table's grid: column and row edges, and the cells.
#[derive(Debug, Clone)]
pub struct Grid {
    pub xs: Vec<f64>,
    pub ys: Vec<f64>,
    /// Sorted by row, then column.
    pub cells: Vec<GridCell>,
    /// The cell covering each grid position, row by row.
    cover: Vec<usize>,
}

impl Grid {
    pub fn rect(&self) -> Rect {
        Rect { x0: self.xs[0], y0: self.ys[0], x1: *self.xs.last().unwrap_or(&0.0), y1: *self.ys.last().unwrap_or(&0.0) }
    }

    pub fn rows(&self) -> usize {
        self.ys.len() - 1
    }

    fn cols(&self) -> usize {
        self.xs.len() - 1
    }

    /// The index of the cell at a grid position.
    pub fn index_at(&self, row: usize, col: usize) -> usize {
        self.cover[row * self.cols() + col]
    }

    /// The cell holding a point, if the point is inside the table.
    pub fn cell_index(&self, x: f64, y: f64) -> Option<usize> {
        let rect = self.rect();
        if x < rect.x0 - 1.0 || x > rect.x1 + 1.0 || y < rect.y0 - 1.0 || y > rect.y1 + 1.0 {
            return None;
        }
        let col = self.xs.partition_point(|e| *e <= x).clamp(1, self.cols()) - 1;
        let row = self.ys.partition_point(|e| *e <= y).clamp(1, self.rows()) - 1;
        Some(self.cover[row * self.cols() + col])
    }
}

/// The tables drawn on a page, top to bottom. A frame around a single area is no table.
pub fn grids(rules: &[Rule]) -> Vec<Grid> {
    let horizontal = merge(rules.iter().filter(|r| r.horizontal).copied().collect());
    let vertical = merge(rules.iter().filter(|r| !r.horizontal).copied().collect());
    let mut sets = UnionFind::new(horizontal.len() + vertical.len());
    for (i, h) in horizontal.iter().enumerate() {
        for (j, v) in vertical.iter().enumerate() {
            if touches(h, v) {
                sets.union(i, horizontal.len() + j);
            }
        }
    }
    let mut groups: Vec<(Vec<Rule>, Vec<Rule>)> = Vec::new();
    let mut group_of = std::collections::HashMap::new();
    for (i, rule) in horizontal.iter().chain(&vertical).enumerate() {
        let root = sets.find(i);
        let g = *group_of.entry(root).or_insert_with(|| {
            groups.push((Vec::new(), Vec::new()));
            groups.len() - 1
        });
        if rule.horizontal {
            groups[g].0.push(*rule);
        } else {
            groups[g].1.push(*rule);
        }
    }
    let mut out: Vec<Grid> = groups.into_iter().filter_map(|(h, v)| grid(&h, &v)).filter(|g| g.cells.len() >= 2).collect();
    out.sort_by(|a, b| a.ys[0].total_cmp(&b.ys[0]));
    out
}

fn touches(h: &Rule, v: &Rule) -> bool {
    v.at >= h.from - TOLERANCE && v.at <= h.to + TOLERANCE && h.at >= v.from - TOLERANCE && h.at <= v.to + TOLERANCE
}

/// Joins collinear rules that overlap or meet (a border drawn cell by cell).
fn merge(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.retain(|r| r.to - r.from >= 1.0);
    rules.sort_by(|a, b| a.at.total_cmp(&b.at).then(a.from.total_cmp(&b.from)));
    let mut out: Vec<Rule> = Vec::new();
    for rule in rules {
        // Rules at the same position within tolerance, in order of their start.
        let same = out
            .iter_mut()
            .rev()
            .take_while(|o| rule.at - o.at <= 1.0)
            .find(|o| rule.from <= o.to + TOLERANCE && rule.to >= o.from - TOLERANCE);
        match same {
            Some(o) => {
                o.from = o.from.min(rule.from);
                o.to = o.to.max(rule.to);
            }
            None => out.push(rule),
        }
    }
    out
}

/// Positions within tolerance become one edge (their mean).
fn edges(mut values: Vec<f64>) -> Vec<f64> {
    values.sort_by(f64::total_cmp);
    let mut out: Vec<(f64, f64)> = Vec::new();
    for v in values {
        match out.last_mut() {
            Some((sum, n)) if v - *sum / *n <= TOLERANCE => {
                *sum += v;
                *n += 1.0;
            }
            _ => out.push((v, 1.0)),
        }
    }
    out.into_iter().map(|(sum, n)| sum / n).collect()
}

fn grid(horizontal: &[Rule], vertical: &[Rule]) -> Option<Grid> {
    if horizontal.len() < 2 || vertical.len() < 2 {
        return None;
    }
    let mut xs = edges(vertical.iter().map(|r| r.at).collect());
    let mut ys = edges(horizontal.iter().map(|r| r.at).collect());
    // Rules that run past the outer borders: a table without its outer left/right/top/bottom line.
    let left = horizontal.iter().map(|r| r.from).fold(f64::INFINITY, f64::min);
    let right = horizontal.iter().map(|r| r.to).fold(f64::NEG_INFINITY, f64::max);
    let top = vertical.iter().map(|r| r.from).fold(f64::INFINITY, f64::min);
    let bottom = vertical.iter().map(|r| r.to).fold(f64::NEG_INFINITY, f64::max);
    if left < xs[0] - 3.0 * TOLERANCE {
        xs.insert(0, left);
    }
    if right > xs[xs.len() - 1] + 3.0 * TOLERANCE {
        xs.push(right);
    }
    if top < ys[0] - 3.0 * TOLERANCE {
        ys.insert(0, top);
    }
    if bottom > ys[ys.len() - 1] + 3.0 * TOLERANCE {
        ys.push(bottom);
    }
    if xs.len() < 2 || ys.len() < 2 || xs.len() > 400 || ys.len() > 2000 {
        return None;
    }
    let (rows, cols) = (ys.len() - 1, xs.len() - 1);
    let at = |r: usize, c: usize| r * cols + c;
    let mut sets = UnionFind::new(rows * cols);
    for r in 0..rows {
        for c in 0..cols {
            if c + 1 < cols && !covered(vertical, xs[c + 1], ys[r], ys[r + 1]) {
                sets.union(at(r, c), at(r, c + 1));
            }
            if r + 1 < rows && !covered(horizontal, ys[r + 1], xs[c], xs[c + 1]) {
                sets.union(at(r, c), at(r + 1, c));
            }
        }
    }
    let mut index_of = std::collections::HashMap::new();
    let mut spans: Vec<(usize, usize, usize, usize)> = Vec::new();
    let mut cover = vec![0; rows * cols];
    for r in 0..rows {
        for c in 0..cols {
            let root = sets.find(at(r, c));
            let i = *index_of.entry(root).or_insert_with(|| {
                spans.push((r, c, r, c));
                spans.len() - 1
            });
            let s = &mut spans[i];
            *s = (s.0.min(r), s.1.min(c), s.2.max(r), s.3.max(c));
            cover[at(r, c)] = i;
        }
    }
    let cells: Vec<GridCell> = spans
        .iter()
        .map(|&(r0, c0, r1, c1)| GridCell {
            row: r0,
            col: c0,
            rows: r1 - r0 + 1,
            cols: c1 - c0 + 1,
            rect: Rect { x0: xs[c0], y0: ys[r0], x1: xs[c1 + 1], y1: ys[r1 + 1] },
        })
        .collect();
    Some(Grid { xs, ys, cells, cover })
}

/// Whether rules at `at` cover most of `from..to`.
fn covered(rules: &[Rule], at: f64, from: f64, to: f64) -> bool {
    let length: f64 = rules
        .iter()
        .filter(|r| (r.at - at).abs() <= TOLERANCE)
        .map(|r| (r.to.min(to) - r.from.max(from)).max(0.0))
        .sum();
    length >= COVERED * (to - from)
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(at: f64, from: f64, to: f64) -> Rule {
        Rule { horizontal: true, at, from, to }
    }

    fn v(at: f64, from: f64, to: f64) -> Rule {
        Rule { horizontal: false, at, from, to }
    }

    #[test]
    fn merged_cells_from_missing_borders() {
        // Two rows, three columns; the first row's first two cells merged, and the last
        // column merged over both rows. Borders drawn cell by cell, as WPS does.
        let rules = vec![
            h(0.0, 0.0, 100.0), h(0.0, 100.0, 150.0), h(20.0, 0.0, 50.0), h(20.0, 50.0, 100.0), h(40.0, 0.0, 150.0),
            v(0.0, 0.0, 40.0), v(50.0, 20.0, 40.0), v(100.0, 0.0, 20.0), v(100.0, 20.0, 40.0), v(150.0, 0.0, 40.0),
            // A lone frame elsewhere is no table.
            h(300.0, 0.0, 10.0), h(310.0, 0.0, 10.0), v(0.0, 300.0, 310.0), v(10.0, 300.0, 310.0),
        ];
        let grids = grids(&rules);
        assert_eq!(grids.len(), 1);
        let g = &grids[0];
        assert_eq!((g.xs.len(), g.ys.len()), (4, 3));
        let spans: Vec<(usize, usize, usize, usize)> = g.cells.iter().map(|c| (c.row, c.col, c.rows, c.cols)).collect();
        assert_eq!(spans, vec![(0, 0, 1, 2), (0, 2, 2, 1), (1, 0, 1, 1), (1, 1, 1, 1)]);
        assert_eq!(g.cell_index(120.0, 30.0), Some(1));
        assert_eq!(g.cell_index(120.0, 60.0), None);
    }
}
