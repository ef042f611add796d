#![no_main]
//! Fuzz target `json`: see `harness::json`.

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
#[allow(dead_code)]
mod harness;

fuzz_target!(|data: &[u8]| harness::json(data));
