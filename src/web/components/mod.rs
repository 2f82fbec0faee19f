//! The page's components, one per file.

pub mod console_view;
pub mod controls;
pub mod live_region;
pub mod outcome_panel;
pub mod pattern_picker;
pub mod python_view;
pub mod share_menu;

pub mod table_view;
pub mod timeline_view;
pub mod toolbar;
