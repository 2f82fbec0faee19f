//! The page's components, one per file.

pub mod code_view;
pub mod compare_view;
pub mod console_view;
pub mod controls;
pub mod editor;
pub mod gallery_view;
pub mod inspector;
pub mod live_region;
pub mod outcome_panel;
pub mod pattern_picker;
pub mod program_outcome;
pub mod program_panel;
pub mod share_menu;

pub mod table_view;
pub mod time_travel;
pub mod timeline_view;
pub mod toolbar;
