//! Headless Chromium driven through WebDriver: Debian's `chromium` and `chromedriver`
//! (package `chromium-driver`), talked to with fantoccini on a small tokio runtime.

#![allow(dead_code)]

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::wd::{Capabilities, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// A program on PATH, or `None`.
pub fn on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

/// A running chromedriver on a free loopback port.
pub struct Driver {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub url: String,
    chromium: PathBuf,
}

impl Driver {
    /// Starts chromedriver, or panics saying what to install: this check never passes without
    /// a browser.
    pub fn start() -> Driver {
        let install = "the browser test needs Chromium and its WebDriver: \
                       `apt-get install chromium chromium-driver` (Debian), then run it again";
        let Some(chromium) = on_path("chromium").or_else(|| on_path("chromium-browser")) else {
            panic!("`chromium` is not on PATH: {install}");
        };
        let Some(chromedriver) = on_path("chromedriver") else {
            panic!("`chromedriver` is not on PATH: {install}");
        };
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("cannot start chromedriver");
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromedriver did not listen on port {port} within 30 s"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Driver {
            child,
            url: format!("http://127.0.0.1:{port}"),
            chromium,
        }
    }

    /// A new browser session (a fresh profile: no cookies, no history). `phone` emulates a
    /// phone's screen (390 × 844 CSS pixels, touch); otherwise the viewport is 1280 × 900.
    /// Downloads are saved into `downloads`.
    pub async fn session(&self, phone: bool, downloads: &Path) -> Client {
        let args = [
            "--headless=new",
            "--no-sandbox",
            "--disable-dev-shm-usage",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
            "--lang=en-US",
        ];
        let mut options = json!({
            "binary": self.chromium,
            "args": args,
            "prefs": {
                "download.default_directory": downloads,
                "download.prompt_for_download": false,
                "download.directory_upgrade": true,
                "safebrowsing.enabled": false,
            },
        });
        // The viewport is set exactly (not the window, whose frame differs between versions).
        options["mobileEmulation"] = if phone {
            json!({
                "deviceMetrics": { "width": 390, "height": 844, "pixelRatio": 1.0, "touch": true },
                "userAgent": "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Mobile Safari/537.36",
            })
        } else {
            json!({ "deviceMetrics": { "width": 1280, "height": 900, "pixelRatio": 1.0, "touch": false } })
        };
        let mut capabilities = Capabilities::new();
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert("goog:chromeOptions".into(), options);
        ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&self.url)
            .await
            .unwrap_or_else(|e| panic!("cannot open a Chromium session through chromedriver: {e}"))
    }
}

impl Drop for Driver {
    /// Asks chromedriver to shut down (it quits the browsers it started, which a kill would
    /// leave running), waits a few seconds for it, and kills it if it is still there.
    fn drop(&mut self) {
        if let Some(address) = self.url.strip_prefix("http://")
            && let Ok(mut stream) = TcpStream::connect(address)
        {
            use std::io::{Read, Write};
            let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
            let _ = write!(
                stream,
                "GET /shutdown HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
            );
            let _ = stream.read(&mut [0u8; 512]);
        }
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(5) {
            if matches!(self.child.try_wait(), Ok(Some(_))) {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The page's visible text.
pub async fn body_text(c: &Client) -> String {
    c.find(Locator::Css("body")).await.unwrap().text().await.unwrap()
}

/// The current URL's path.
pub async fn path(c: &Client) -> String {
    c.current_url().await.unwrap().path().to_string()
}

/// Runs a script in the page and returns its value.
pub async fn eval(c: &Client, script: &str) -> serde_json::Value {
    c.execute(script, Vec::new())
        .await
        .unwrap_or_else(|e| panic!("script {script:?} failed: {e}"))
}

/// A Chrome DevTools Protocol command sent through chromedriver (`goog/cdp/execute`).
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: serde_json::Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/goog/cdp/execute", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// The browser's console messages since the last call (chromedriver's `se/log`).
#[derive(Debug)]
struct ConsoleLog;

impl WebDriverCompatibleCommand for ConsoleLog {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!("session/{}/se/log", session_id.unwrap_or_default()))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(json!({ "type": "browser" }).to_string()))
    }
}

/// The console's warnings and errors since the last call (a blocked style or script, a
/// failed load), as "LEVEL message" lines.
pub async fn console_problems(c: &Client) -> Vec<String> {
    let log = c
        .issue_cmd(ConsoleLog)
        .await
        .unwrap_or_else(|e| panic!("cannot read the console: {e}"));
    log.as_array()
        .into_iter()
        .flatten()
        .filter(|entry| matches!(entry["level"].as_str(), Some("SEVERE" | "WARNING")))
        .map(|entry| {
            format!(
                "{} {}",
                entry["level"].as_str().unwrap_or(""),
                entry["message"].as_str().unwrap_or("")
            )
        })
        .collect()
}

/// Runs a DevTools command and returns its result.
pub async fn cdp(c: &Client, cmd: &'static str, params: serde_json::Value) -> serde_json::Value {
    c.issue_cmd(Cdp { cmd, params })
        .await
        .unwrap_or_else(|e| panic!("DevTools command {cmd} failed: {e}"))
}

/// Saves a screenshot of the whole page, up to `max_height` CSS pixels from the top, as a
/// PNG.
pub async fn screenshot(c: &Client, file: &Path, max_height: u32) {
    let size = eval(
        c,
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight]",
    )
    .await;
    let width = size[0].as_f64().unwrap_or(1280.0);
    let height = size[1].as_f64().unwrap_or(900.0).min(f64::from(max_height));
    let shot = cdp(
        c,
        "Page.captureScreenshot",
        json!({
            "format": "png",
            "captureBeyondViewport": true,
            "clip": { "x": 0, "y": 0, "width": width, "height": height, "scale": 1 },
        }),
    )
    .await;
    let data = shot["data"].as_str().expect("a screenshot in the DevTools answer");
    let png = base64::Engine::decode(&base64::engine::general_purpose::STANDARD, data).unwrap();
    assert!(png.starts_with(b"\x89PNG"), "the screenshot is not a PNG");
    std::fs::create_dir_all(file.parent().unwrap()).unwrap();
    std::fs::write(file, png).unwrap();
}
