#![no_main]
//! Fuzz target `link_decoder`: see `harness::link_decoder`.

use libfuzzer_sys::fuzz_target;

#[path = "../harness.rs"]
#[allow(dead_code)]
mod harness;

fuzz_target!(|data: &[u8]| harness::link_decoder(data));
