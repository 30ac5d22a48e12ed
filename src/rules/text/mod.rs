//! Rules and helpers over the report's prose.

pub mod places;
