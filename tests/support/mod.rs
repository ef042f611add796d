//! Shared harness for the tests that look at the built app in `dist/`:
//! a loopback static file server that records every request, and a small
//! WebDriver client that drives Debian's headless Chromium via chromedriver.
//!
//! Both use only the standard library and `serde_json`, so the harness has
//! nothing to download.

#![allow(dead_code)] // each test binary uses a different part of the harness

pub mod server;
pub mod webdriver;

use std::path::PathBuf;

/// The built app (`trunk build --release`).
pub fn dist_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist")
}

/// True when the test command requires the browser suites (CI, scripts/test).
pub fn browser_required() -> bool {
    std::env::var_os("CLAIMLENS_REQUIRE_BROWSER").is_some_and(|v| v == "1")
}

/// Returns why a suite needing `dist/` and Chromium cannot run, or `None` if it can.
/// Panics instead when the suites are required.
pub fn skip_reason(needs_browser: bool) -> Option<String> {
    let mut missing = Vec::new();
    if !dist_dir().join("index.html").is_file() {
        missing.push("dist/ (run `trunk build --release --offline`)".to_string());
    }
    if needs_browser {
        for bin in [webdriver::CHROMIUM, webdriver::CHROMEDRIVER] {
            if !std::path::Path::new(bin).exists() {
                missing.push(bin.to_string());
            }
        }
    }
    if missing.is_empty() {
        return None;
    }
    let why = format!("missing {}", missing.join(", "));
    assert!(!browser_required(), "browser suites are required but {why}");
    Some(why)
}

/// Print a skip notice that cargo test's output capture does not swallow.
pub fn say_skipped(why: &str) {
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "skipped: {why}; scripts/test runs this suite"
    );
}

/// Skip the calling test (printing why) when `dist/` or the browser is missing.
#[macro_export]
macro_rules! require_app {
    ($needs_browser:expr) => {
        if let Some(why) = $crate::support::skip_reason($needs_browser) {
            $crate::support::say_skipped(&why);
            return;
        }
    };
}
