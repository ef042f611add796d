//! A loopback static file server over `dist/` for browser tests.
//!
//! Binds `127.0.0.1:0` (an ephemeral port) — or another loopback address
//! such as `127.0.0.2`, a site of its own ([`Server::start_on`]) — serves files with the right
//! content types (`application/wasm` matters), records every request, and
//! can override any path with other bytes or extra headers (to simulate a
//! broken deploy or a strict Content-Security-Policy).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread;

/// One request the server received.
#[derive(Clone, Debug)]
pub struct Request {
    pub method: String,
    pub path: String,
    pub host: String,
    pub status: u16,
}

/// A response that replaces the file at a path.
#[derive(Clone, Debug)]
pub struct Override {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
}

#[derive(Default)]
struct Shared {
    log: Vec<Request>,
    overrides: HashMap<String, Override>,
    extra_headers: Vec<(String, String)>,
    /// Serve this folder instead of the one given at start (a redeploy).
    root: Option<PathBuf>,
    /// Drop every connection unanswered, as a server that went away.
    down: bool,
    posts: Vec<(String, Vec<u8>)>,
}

/// A running server; it stops accepting when the test process ends.
pub struct Server {
    pub port: u16,
    /// The loopback address it listens on (`127.0.0.1` unless chosen).
    pub ip: String,
    shared: Arc<Mutex<Shared>>,
}

impl Server {
    /// Serve `root` on a loopback ephemeral port.
    pub fn start(root: &Path) -> Server {
        Server::start_on(root, "127.0.0.1")
    }

    /// Serve `root` on an ephemeral port of the loopback address `ip`
    /// (`127.0.0.2`: another site than the app's, as far as the browser
    /// knows). Anything but a `127.x.y.z` address is refused: tests never
    /// listen beyond loopback.
    pub fn start_on(root: &Path, ip: &str) -> Server {
        let addr: std::net::Ipv4Addr = ip.parse().expect("an IPv4 address");
        assert!(addr.is_loopback(), "{ip} is not a loopback address");
        let listener = TcpListener::bind((addr, 0)).expect("bind loopback");
        let port = listener.local_addr().unwrap().port();
        let shared = Arc::new(Mutex::new(Shared::default()));
        let root = root.to_path_buf();
        let s = shared.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (root, s) = (root.clone(), s.clone());
                thread::spawn(move || {
                    let _ = handle(stream, &root, &s);
                });
            }
        });
        Server {
            port,
            ip: ip.to_string(),
            shared,
        }
    }

    /// `http://IP:PORT/` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!(
            "http://{}:{}/{}",
            self.ip,
            self.port,
            path.trim_start_matches('/')
        )
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Request> {
        self.shared.lock().unwrap().log.clone()
    }

    /// Answer `path` with `over` instead of the file.
    pub fn set_override(&self, path: &str, over: Override) {
        self.shared
            .lock()
            .unwrap()
            .overrides
            .insert(path.to_string(), over);
    }

    /// Serve `root` from now on, on the same origin (a new deploy).
    pub fn set_root(&self, root: &Path) {
        self.shared.lock().unwrap().root = Some(root.to_path_buf());
    }

    /// Go away (`true`: every connection is closed unanswered) or come back.
    pub fn set_down(&self, down: bool) {
        self.shared.lock().unwrap().down = down;
    }

    /// The bodies of the POST requests to `path` so far (e.g. CSP violation reports).
    pub fn posted(&self, path: &str) -> Vec<String> {
        let s = self.shared.lock().unwrap();
        s.posts
            .iter()
            .filter(|(p, _)| p == path)
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .collect()
    }

    /// Add a header to every response (e.g. Content-Security-Policy).
    pub fn add_header(&self, name: &str, value: &str) {
        self.shared
            .lock()
            .unwrap()
            .extra_headers
            .push((name.to_string(), value.to_string()));
    }
}

/// Content type by extension.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" | "webmanifest" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn handle(stream: TcpStream, root: &Path, shared: &Mutex<Shared>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or("").to_string();
    let target = parts.next().unwrap_or("/").to_string();
    let mut host = String::new();
    let mut content_length = 0usize;
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h)? == 0 || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            match k.trim().to_ascii_lowercase().as_str() {
                "host" => host = v.trim().to_string(),
                "content-length" => content_length = v.trim().parse().unwrap_or(0),
                _ => {}
            }
        }
    }
    let mut body = vec![0; content_length];
    reader.read_exact(&mut body)?;

    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    if method == "POST" {
        let mut s = shared.lock().unwrap();
        s.posts.push((path.clone(), body.clone()));
    }
    let (over, extra, new_root, down) = {
        let s = shared.lock().unwrap();
        let over = s.overrides.get(&path).cloned();
        (over, s.extra_headers.clone(), s.root.clone(), s.down)
    };
    if down {
        return Ok(());
    }
    let root = new_root.as_deref().unwrap_or(root);
    let (status, ctype, bytes) = match over {
        Some(o) => (o.status, o.content_type, o.body),
        None => match resolve(root, &path) {
            Some(file) => match std::fs::read(&file) {
                Ok(b) => (200, content_type(&file).to_string(), b),
                Err(_) => (404, "text/plain".into(), b"not found".to_vec()),
            },
            None => (404, "text/plain".into(), b"not found".to_vec()),
        },
    };
    shared.lock().unwrap().log.push(Request {
        method: method.clone(),
        path,
        host,
        status,
    });
    let mut out = stream;
    let reason = if status == 200 { "OK" } else { "Error" };
    let mut head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n",
        bytes.len()
    );
    for (k, v) in extra {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if method != "HEAD" {
        out.write_all(&bytes)?;
    }
    out.flush()
}

/// Map a URL path to a file under `root`, refusing to leave it.
fn resolve(root: &Path, path: &str) -> Option<PathBuf> {
    let rel = path.trim_start_matches('/');
    if rel.split('/').any(|seg| seg == ".." || seg.contains('\\')) {
        return None;
    }
    let mut file = root.join(rel);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}
