//! The report as HTML for a government portal: a fragment to paste into the CMS editor, and
//! a standalone page.
