//! The report model: cells, labels, table layouts, values and the JSON document.

pub mod cells;
pub mod date;
pub mod edit;
pub mod equalities;
pub mod json;
pub mod labels;
pub mod layout;
pub mod positions;
pub mod report;
pub mod review;
pub mod value;

pub use cells::{CellDef, CellId, CellKind, Section};
pub use date::ReportDate;
pub use edit::{Edit, EditError};
pub use equalities::{equalities, equalities_of, Equality, EqualityKind};
pub use json::{from_json, from_json_keeping_invalid, to_json, JsonError, FORMAT_ID};
pub use layout::{layouts, GridCell, Scope, TableLayout};
pub use positions::{S2Row, S3Column, S3Row, S4Column, S4Group};
pub use report::{Agency, CellPositions, Level, Report, SourceInfo, SourceNote, SourcePos, TableEdition, TextField, Texts};
pub use review::ReviewMark;
pub use value::{parse_year, Amount, CellValue, InvalidReason, FIRST_REPORT_YEAR};
