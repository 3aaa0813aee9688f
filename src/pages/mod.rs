//! Whole views, chosen by the `view` query parameter.

pub mod accessibility;
pub mod figures;
pub mod grades;
pub mod history;
pub mod improvements;
pub mod viewer;
