//! The engine's word tables hash with [`crate::hash`]'s FNV-1a: `FxMap`
//! and `FxSet` are defined there (beside [`crate::text::WordSet`], which
//! uses them too) and named here for the entity modules.

pub(crate) use crate::hash::{FxMap, FxSet};
