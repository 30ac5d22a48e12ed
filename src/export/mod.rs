//! Writing reports and findings out: CSV of findings (and, with the export issue, Word and HTML).

pub mod csv;
