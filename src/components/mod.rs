//! Reusable view pieces. Each takes typed props and holds no logic of its own.

pub mod error_panel;
pub mod inspection_list;
pub mod loading;
