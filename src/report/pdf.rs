//! `--format pdf`: the HTML report printed by headless Chromium. HTML stays the one source
//! of the report's layout; Chromium only prints it (the paper size comes from the report's
//! CSS, `--paper`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The names Chromium goes by on PATH, in the order they are tried.
pub const BROWSERS: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

/// How long printing may take before it is given up.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// Finds Chromium on PATH; the error says what to install.
pub fn find_browser() -> Result<PathBuf, String> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in BROWSERS {
            let candidate = dir.join(name);
            if is_executable(&candidate) {
                return Ok(candidate);
            }
        }
    }
    Err(format!(
        "--format pdf prints the HTML report with headless Chromium, and none is on PATH (looked for {})\n  \
help: install it (on Debian or Ubuntu: `apt-get install chromium`), or write the report with --format html and print it from a browser",
        BROWSERS.join(", ")
    ))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}

/// Prints an HTML page to PDF with the browser at `browser`; returns the PDF's bytes. The
/// page and a fresh browser profile live in a temporary folder that is removed afterwards.
pub fn print(browser: &Path, html: &str) -> Result<Vec<u8>, String> {
    let dir = tempfile::Builder::new()
        .prefix("readiness-pdf-")
        .tempdir()
        .map_err(|e| format!("cannot print the PDF: cannot make a temporary folder: {e}"))?;
    let page = dir.path().join("report.html");
    let pdf = dir.path().join("report.pdf");
    let profile = dir.path().join("profile");
    std::fs::write(&page, html).map_err(|e| format!("cannot print the PDF: cannot write {}: {e}", page.display()))?;
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(file_url(&page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot print the PDF: cannot run {}: {e}", browser.display()))?;
    // Read standard error on a thread, so that a talkative browser never blocks on a full pipe.
    let mut stderr = child.stderr.take();
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        if let Some(stderr) = stderr.as_mut() {
            let _ = stderr.read_to_string(&mut text);
        }
        text
    });
    let start = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if start.elapsed() > TIME_LIMIT => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "cannot print the PDF: {} took more than {} seconds and was stopped",
                    browser.display(),
                    TIME_LIMIT.as_secs()
                ));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(e) => return Err(format!("cannot print the PDF: {e}")),
        }
    };
    let log = reader.join().unwrap_or_default();
    let bytes = std::fs::read(&pdf).unwrap_or_default();
    if !status.success() || !bytes.starts_with(b"%PDF") {
        let last: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
        let tail = last[last.len().saturating_sub(3)..].join("\n  ");
        return Err(format!(
            "cannot print the PDF: {} {} and wrote no PDF{}",
            browser.display(),
            match status.code() {
                Some(code) => format!("exited with code {code}"),
                None => "was stopped by a signal".to_string(),
            },
            if tail.is_empty() {
                String::new()
            } else {
                format!("; it said:\n  {tail}")
            }
        ));
    }
    Ok(stable(bytes))
}

/// A `file://` URL for a path, with the characters a URL cannot hold escaped.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for byte in path.display().to_string().bytes() {
        if byte.is_ascii_alphanumeric() || b"/-_.~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// The PDF with what changes from one print to the next taken out, so that the same report
/// always gives the same bytes: the moment it was printed (the creation and modification
/// dates) and the numbering of the page's elements in the PDF's structure tree
/// (`(node00000135)`), which starts where the browser's last count stopped. Each is
/// replaced by text of the same length, so the PDF's byte offsets stay right; the element
/// numbers keep their order (the structure tree's index is sorted by them).
fn stable(mut bytes: Vec<u8>) -> Vec<u8> {
    renumber_nodes(&mut bytes);
    for key in [&b"/CreationDate (D:"[..], &b"/ModDate (D:"[..]] {
        let mut from = 0;
        while let Some(at) = find(&bytes[from..], key) {
            let start = from + at + key.len();
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b')')
                .map_or(bytes.len(), |p| start + p);
            for (i, b) in bytes[start..end].iter_mut().enumerate() {
                // D:YYYYMMDDHHmmSS then an offset: keep the shape, zero the moment.
                *b = match (*b, i) {
                    (b'0'..=b'9', 0..=3) => b"2000"[i],
                    (b'0'..=b'9', 4..=7) => b"0101"[i - 4],
                    (b'0'..=b'9', _) => b'0',
                    (b'-', _) => b'+',
                    (other, _) => other,
                };
            }
            from = end;
        }
    }
    bytes
}

/// Numbers the `(nodeNNNNNNNN)` element ids from 1 in their order, keeping each one's width.
fn renumber_nodes(bytes: &mut [u8]) {
    const KEY: &[u8] = b"(node";
    let mut spots: Vec<(usize, usize, u64)> = Vec::new();
    let mut from = 0;
    while let Some(at) = find(&bytes[from..], KEY) {
        let start = from + at + KEY.len();
        let digits = bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 0 && bytes.get(start + digits) == Some(&b')') {
            let number = std::str::from_utf8(&bytes[start..start + digits])
                .ok()
                .and_then(|t| t.parse::<u64>().ok());
            if let Some(number) = number {
                spots.push((start, digits, number));
            }
        }
        from = start + digits;
    }
    let mut numbers: Vec<u64> = spots.iter().map(|s| s.2).collect();
    numbers.sort_unstable();
    numbers.dedup();
    for (start, digits, number) in spots {
        let rank = numbers.binary_search(&number).unwrap_or(0) as u64 + 1;
        let text = format!("{rank:0digits$}");
        if text.len() == digits {
            bytes[start..start + digits].copy_from_slice(text.as_bytes());
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_dates_are_taken_out() {
        let pdf = b"%PDF-1.4 /CreationDate (D:20260115093012-05'00') /ModDate (D:20260115093012+01'00')".to_vec();
        let out = stable(pdf.clone());
        assert_eq!(out.len(), pdf.len());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "%PDF-1.4 /CreationDate (D:20000101000000+00'00') /ModDate (D:20000101000000+00'00')"
        );
    }

    #[test]
    fn element_numbers_start_from_one_in_their_order() {
        let pdf = b"/ID (node00000135) /ID (node00000140) /Names [(node00000135) 4 0 R (node00000140) 5 0 R]".to_vec();
        assert_eq!(
            String::from_utf8(stable(pdf)).unwrap(),
            "/ID (node00000001) /ID (node00000002) /Names [(node00000001) 4 0 R (node00000002) 5 0 R]"
        );
    }

    #[test]
    fn file_urls_escape_what_urls_cannot_hold() {
        assert_eq!(file_url(Path::new("/tmp/a b/r#1.html")), "file:///tmp/a%20b/r%231.html");
    }
}
