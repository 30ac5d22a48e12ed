//! Exit statuses, ordered so that the worst one wins.

use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// 0: no error-level finding.
    Clean = 0,
    /// 1: at least one file has an error-level finding.
    Errors = 1,
    /// 2: a file could not be read or parsed, or the command line was wrong.
    Failed = 2,
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status as u8)
    }
}
