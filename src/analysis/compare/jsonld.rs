//! placeholder
use super::{Comparison, Workspace};

/// JSON-LD export (see module docs).
pub fn json_ld(_ws: &Workspace, _cmp: &Comparison) -> String {
    String::new()
}
