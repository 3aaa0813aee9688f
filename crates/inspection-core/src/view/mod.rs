//! What the views show, derived from the data: grade cards, the improvements list with its
//! follow-up threads, and the filters over both. Plain functions, natively tested.
//!
//! By job: `order` says which inspection is newest and which one the URL picks; `source`
//! how a source is shown beside an item; `rows` builds the improvements list, `filter`
//! filters it; `cards` builds an inspection's grade cards.

mod cards;
mod filter;
mod order;
mod rows;
mod source;

pub use crate::vocab::{AfiStatus, RowKind};
pub use cards::{grade_cards, pillar_options, Card};
pub use filter::{filter_rows, inspection_ids, select_rows, RecentSelections, RowFilter};
pub use order::{newest, newest_first, period_start_year, selected_inspection};
pub use rows::{improvement_rows, ImprovementRow, Relation, ThreadStep};
pub use source::SourceInfo;
