//! Whole views, chosen by the `view` query parameter.

pub mod home;
