//! Whole views, chosen by the `view` query parameter.

pub mod grades;
pub mod improvements;
pub mod viewer;
