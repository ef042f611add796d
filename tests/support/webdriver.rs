//! A minimal W3C WebDriver client for Debian's chromedriver + headless Chromium.
//!
//! Just what the browser tests need: open a page, run a script, read the
//! browser console and network log, take a screenshot. Every session gets a
//! fresh profile directory and the flags that keep Chromium off the network.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// A chromedriver process and one browser session; both end on drop.
pub struct Browser {
    driver: Child,
    port: u16,
    session: String,
    _profile: TempDir,
}

/// A directory removed on drop.
struct TempDir(std::path::PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// One HTTP/1.1 exchange with chromedriver (Connection: close).
fn http(
    port: u16,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> std::io::Result<(u16, Value)> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(Duration::from_secs(120)))?;
    let payload = body.map(|b| b.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{payload}",
        payload.len()
    )?;
    // chromedriver may keep the connection open: read by Content-Length.
    let mut raw = Vec::new();
    let mut buf = [0u8; 65536];
    let split = loop {
        if let Some(p) = raw.windows(4).position(|w| w == b"\r\n\r\n") {
            break p;
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Err(std::io::Error::other("malformed HTTP response"));
        }
        raw.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let length = head.lines().find_map(|l| {
        l.strip_prefix("content-length:")
            .and_then(|v| v.trim().parse::<usize>().ok())
    });
    let mut body = raw[split + 4..].to_vec();
    match length {
        Some(len) => {
            while body.len() < len {
                let n = stream.read(&mut buf)?;
                if n == 0 {
                    break;
                }
                body.extend_from_slice(&buf[..n]);
            }
        }
        None => {
            stream.read_to_end(&mut body)?;
            if head.contains("transfer-encoding: chunked") {
                body = dechunk(&body);
            }
        }
    }
    let value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    Ok((status, value))
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(eol) = b.windows(2).position(|w| w == b"\r\n") {
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = eol + 2;
        out.extend_from_slice(&b[start..(start + size).min(b.len())]);
        b = &b[(start + size + 2).min(b.len())..];
    }
    out
}

/// Chromium flags for a headless, offline-safe run as root.
pub fn chromium_args(profile: &str, width: u32, height: u32) -> Vec<String> {
    [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-default-apps",
        "--disable-extensions",
        "--hide-scrollbars",
        "--mute-audio",
        // Any host but loopback fails to resolve: nothing can leave the
        // machine. 127.0.0.2 is a second site for tests that need another
        // origin than the app's (`Server::start_on`).
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE 127.0.0.2",
    ]
    .iter()
    .map(|s| s.to_string())
    .chain([
        format!("--user-data-dir={profile}"),
        format!("--window-size={width},{height}"),
    ])
    .collect()
}

impl Browser {
    /// Start chromedriver and a headless Chromium with the given window size.
    pub fn start(width: u32, height: u32) -> Browser {
        Browser::start_with(width, height, &[])
    }

    /// [`Browser::start`] with extra Chromium flags (e.g. `--enable-precise-memory-info`).
    pub fn start_with(width: u32, height: u32, extra_args: &[&str]) -> Browser {
        let port = free_port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let deadline = Instant::now() + Duration::from_secs(30);
        while http(port, "GET", "/status", None).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let profile =
            std::env::temp_dir().join(format!("claimlens-chromium-{}-{port}", std::process::id()));
        let _ = std::fs::create_dir_all(&profile);
        let caps = json!({
            "capabilities": { "alwaysMatch": {
                "browserName": "chrome",
                "goog:chromeOptions": {
                    "binary": CHROMIUM,
                    "args": chromium_args(&profile.to_string_lossy(), width, height)
                        .into_iter()
                        .chain(extra_args.iter().map(|a| a.to_string()))
                        .collect::<Vec<_>>(),
                },
                "goog:loggingPrefs": { "browser": "ALL", "performance": "ALL" },
            }}
        });
        let (status, v) = http(port, "POST", "/session", Some(&caps)).expect("new session");
        assert_eq!(status, 200, "new session failed: {v}");
        let session = v["value"]["sessionId"]
            .as_str()
            .expect("session id")
            .to_string();
        Browser {
            driver,
            port,
            session,
            _profile: TempDir(profile),
        }
    }

    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("/session/{}{}", self.session, path);
        let (status, v) = http(self.port, method, &url, body.as_ref()).expect("webdriver call");
        assert_eq!(status, 200, "webdriver {method} {path} failed: {v}");
        v["value"].clone()
    }

    /// Navigate and wait for the load event.
    pub fn goto(&self, url: &str) {
        self.cmd("POST", "/url", Some(json!({ "url": url })));
    }

    /// Run `script` (a function body; `arguments` holds `args`) and return its result.
    pub fn eval(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// Poll `script` until it returns a truthy value; returns it, or panics after `secs`.
    pub fn wait_for(&self, script: &str, secs: u64) -> Value {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let v = self.eval(script, json!([]));
            // Falsy as in JS (a count of 0 is not there yet).
            if !(v.is_null() || v == json!(false) || v == json!("") || v == json!(0)) {
                return v;
            }
            assert!(
                Instant::now() < deadline,
                "timed out after {secs}s waiting for: {script}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Emulate a device viewport of `width`×`height` CSS pixels (headless
    /// windows cannot be narrower than 500 px, phones are).
    pub fn emulate_viewport(&self, width: u32, height: u32, mobile: bool) {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(json!({
                "cmd": "Emulation.setDeviceMetricsOverride",
                "params": { "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile },
            })),
        );
    }

    /// Send a DevTools protocol command (`Page.addScriptToEvaluateOnNewDocument`…).
    pub fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(json!({ "cmd": cmd, "params": params })),
        )
    }

    /// Let asynchronous scripts run for up to `secs` seconds (WebDriver's default is 30).
    pub fn set_script_timeout(&self, secs: u64) {
        self.cmd("POST", "/timeouts", Some(json!({ "script": secs * 1000 })));
    }

    /// Run `script` without arguments and return its result.
    pub fn js(&self, script: &str) -> Value {
        self.eval(script, json!([]))
    }

    /// Run `script` asynchronously: it calls `arguments[arguments.length - 1](result)`.
    pub fn eval_async(&self, script: &str, args: Value) -> Value {
        self.cmd(
            "POST",
            "/execute/async",
            Some(json!({ "script": script, "args": args })),
        )
    }

    /// The WebDriver reference of the first element matching `css`.
    fn element(&self, css: &str) -> Value {
        let el = self.cmd(
            "POST",
            "/element",
            Some(json!({ "using": "css selector", "value": css })),
        );
        assert!(el.is_object(), "no element matches {css}");
        el
    }

    /// Press keys as a user would, in order, on whatever has focus. Use the
    /// WebDriver codes for special keys: [`keys::TAB`], [`keys::ENTER`]...
    pub fn press(&self, keys: &[&str]) {
        let mut actions = Vec::new();
        for k in keys {
            actions.push(json!({ "type": "keyDown", "value": k }));
            actions.push(json!({ "type": "keyUp", "value": k }));
        }
        self.cmd(
            "POST",
            "/actions",
            Some(json!({ "actions": [{ "type": "key", "id": "keyboard", "actions": actions }] })),
        );
    }

    /// Move the mouse pointer over the centre of the first element matching `css`.
    pub fn hover(&self, css: &str) {
        let el = self.element(css);
        self.cmd(
            "POST",
            "/actions",
            Some(json!({ "actions": [{
                "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
                "actions": [{ "type": "pointerMove", "origin": el, "x": 0, "y": 0, "duration": 0 }],
            }] })),
        );
    }

    /// Move the mouse pointer to `x`, `y` CSS pixels from the viewport's top left.
    pub fn pointer_to(&self, x: i64, y: i64) {
        self.cmd(
            "POST",
            "/actions",
            Some(json!({ "actions": [{
                "type": "pointer", "id": "mouse", "parameters": { "pointerType": "mouse" },
                "actions": [{ "type": "pointerMove", "origin": "viewport", "x": x, "y": y, "duration": 0 }],
            }] })),
        );
    }

    /// Emulate a CSS media type ("print", "screen") and colour scheme ("dark", "light", "").
    pub fn emulate_media(&self, media: &str, scheme: &str) {
        self.cmd(
            "POST",
            "/goog/cdp/execute",
            Some(json!({
                "cmd": "Emulation.setEmulatedMedia",
                "params": { "media": media, "features": [{ "name": "prefers-color-scheme", "value": scheme }] },
            })),
        );
    }

    /// Switch into the `index`-th frame of the page (`None`: back to the top).
    pub fn frame(&self, index: Option<u32>) {
        let id = index.map_or(Value::Null, |i| json!(i));
        self.cmd("POST", "/frame", Some(json!({ "id": id })));
    }

    /// The handles of the session's windows (tabs), in the browser's order.
    pub fn window_handles(&self) -> Vec<String> {
        self.cmd("GET", "/window/handles", None)
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|h| h.as_str().map(String::from))
            .collect()
    }

    /// The handle of the window commands go to.
    pub fn window_handle(&self) -> String {
        self.cmd("GET", "/window", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Send commands to the window `handle` from now on.
    pub fn switch_to_window(&self, handle: &str) {
        self.cmd("POST", "/window", Some(json!({ "handle": handle })));
    }

    /// Close the window commands go to (then switch to another).
    pub fn close_window(&self) {
        self.cmd("DELETE", "/window", None);
    }

    /// The text of the open `alert`/`confirm`/`prompt`, if one is open.
    pub fn dialog_text(&self) -> Option<String> {
        let url = format!("/session/{}/alert/text", self.session);
        let (status, v) = http(self.port, "GET", &url, None).expect("webdriver call");
        (status == 200).then(|| v["value"].as_str().unwrap_or_default().to_string())
    }

    /// Dismiss (Cancel) the open dialog.
    pub fn dismiss_dialog(&self) {
        self.cmd("POST", "/alert/dismiss", Some(json!({})));
    }

    /// Accept (OK) the open dialog.
    pub fn accept_dialog(&self) {
        self.cmd("POST", "/alert/accept", Some(json!({})));
    }

    /// Click the first element matching `css`, as a user would (WebDriver
    /// element click: scrolled into view, hit-tested, real mouse events).
    pub fn click(&self, css: &str) {
        let el = self.element(css);
        let id = el
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element matches {css}"))
            .to_string();
        self.cmd("POST", &format!("/element/{id}/click"), Some(json!({})));
    }

    /// Console messages since the last call: (level, message).
    pub fn console(&self) -> Vec<(String, String)> {
        self.log("browser")
            .into_iter()
            .map(|e| {
                (
                    e["level"].as_str().unwrap_or("").to_string(),
                    e["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    }

    /// Every URL that web content asked for since the last call (from the
    /// DevTools performance log, so blocked attempts count too). Chromium's
    /// own start page (`chrome://…`) is not web content and is left out.
    pub fn network_requests(&self) -> Vec<String> {
        self.log("performance")
            .into_iter()
            .filter_map(|e| {
                let msg: Value = serde_json::from_str(e["message"].as_str()?).ok()?;
                let m = &msg["message"];
                if m["method"] != "Network.requestWillBeSent" {
                    return None;
                }
                let url = m["params"]["request"]["url"].as_str()?;
                let from = m["params"]["documentURL"].as_str().unwrap_or("");
                let internal = |u: &str| u.starts_with("chrome://") || u.starts_with("chrome-");
                (!(internal(url) && internal(from))).then(|| url.to_string())
            })
            .collect()
    }

    fn log(&self, kind: &str) -> Vec<Value> {
        self.cmd("POST", "/se/log", Some(json!({ "type": kind })))
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// Run `source` in every page this session loads from now on, before
    /// any of the page's own scripts (DevTools injects it, so a page's
    /// Content-Security-Policy does not apply to it).
    pub fn add_init_script(&self, source: &str) {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": source }),
        );
    }

    /// Every cookie the browser holds for the current page.
    pub fn cookies(&self) -> Vec<Value> {
        self.cmd("GET", "/cookie", None)
            .as_array()
            .cloned()
            .unwrap_or_default()
    }

    /// A PNG screenshot of the viewport.
    pub fn screenshot_png(&self) -> Vec<u8> {
        let b64 = self.cmd("GET", "/screenshot", None);
        decode_base64(b64.as_str().expect("screenshot data"))
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http(
            self.port,
            "DELETE",
            &format!("/session/{}", self.session),
            None,
        );
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// WebDriver codes for special keys.
pub mod keys {
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const SHIFT: &str = "\u{E008}";
    pub const LEFT: &str = "\u{E012}";
    pub const RIGHT: &str = "\u{E014}";
}

/// Standard base64 (with padding) to bytes, with the project's base64url decoder.
pub fn decode_base64(s: &str) -> Vec<u8> {
    claimlens::analysis::share::base64url_decode(&s.replace('+', "-").replace('/', "_"))
        .expect("base64")
}
