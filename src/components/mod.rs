//! Reusable view pieces. Each takes typed props and holds no logic of its own.

pub mod all_inspections;
pub mod card_details;
pub mod embed_code;
pub mod empty_state;
pub mod error_panel;
pub mod export;
pub mod figure_bars;
pub mod filters;
pub mod findings;
pub mod grade_badge;
pub mod grade_card;
pub mod highlight;
pub mod history_chart;
pub mod improvement_item;
pub mod inspection_header;
pub mod loading;
pub mod result_count;
pub mod retry_notice;
pub mod selected_filters;
pub mod source_line;
pub mod status_tag;
pub mod view_tabs;
