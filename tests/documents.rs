//! Reports as documents for people, through the real binary: no ids or condition syntax
//! in any text meant for people (ids come back with `--ids`), each item once, later phases
//! in full only with `--detail all`, a brand file, the Word document read back from its
//! XML, and `--format pdf` with and without a browser.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use scraper::{Html, Selector};

const BIN: &str = env!("CARGO_BIN_EXE_readiness");

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("the binary runs")
}

fn ok(out: Output) -> Vec<u8> {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn text(out: Output) -> String {
    String::from_utf8(ok(out)).unwrap()
}

/// Every shipped sample answers file.
fn samples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("samples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    assert!(files.len() >= 5, "{files:?}");
    files
}

fn report(sample: &Path, format: &str, extra: &[&str]) -> String {
    let mut args = vec![
        "assess",
        sample.to_str().unwrap(),
        "--format",
        format,
        "--date",
        "2026-01-15",
    ];
    args.extend_from_slice(extra);
    text(run(&root(), &args))
}

/// The text a person reads in an HTML page: every text node but CSS.
fn html_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = String::new();
    for node in doc.root_element().descendants() {
        if let Some(t) = node.value().as_text() {
            let in_style = node
                .ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "style"));
            if !in_style {
                out.push_str(t);
                out.push(' ');
            }
        }
    }
    out
}

/// The text of a Word document: every `<w:t>` of its body.
fn docx_text(bytes: &[u8]) -> String {
    let xml = part(bytes, "word/document.xml");
    let mut out = String::new();
    for piece in xml.split("<w:t").skip(1) {
        let Some(start) = piece.find('>') else { continue };
        let body = &piece[start + 1..];
        if let Some(end) = body.find("</w:t>") {
            out.push_str(
                &body[..end]
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">"),
            );
            out.push(' ');
        }
    }
    out
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a DOCX is a zip archive");
    let mut file = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("no {name} in the document"));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut file, &mut text).unwrap();
    text
}

/// The first id-like word (`section.name`: letters, a dot, letters or `_`) in `text` once
/// links are taken out, with what surrounds it.
fn id_in(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.contains("://") && !w.starts_with("www."))
        .collect();
    let text = words.join(" ");
    let chars: Vec<char> = text.chars().collect();
    for i in 1..chars.len().saturating_sub(1) {
        if chars[i] == '.'
            && chars[i - 1].is_ascii_lowercase()
            && (chars[i + 1].is_ascii_lowercase() || chars[i + 1] == '_')
        {
            let from = i.saturating_sub(30);
            let to = (i + 30).min(chars.len());
            return Some(chars[from..to].iter().collect());
        }
    }
    None
}

fn no_machine_words(what: &str, text: &str) {
    if let Some(found) = id_in(text) {
        panic!("{what}: an id in text for people: …{found}…");
    }
    for word in ["unanswered", "==", "!=", "not_started", "in_progress", "sha256:"] {
        let hit = text.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_' && c != '=' && c != '!' && c != ':');
            w == word || (word == "sha256:" && w.starts_with("(sha256:"))
        });
        // The rule set's digest is kept on purpose, in the one "how this was made" line.
        if word == "sha256:" {
            let lines = text.matches("sha256:").count();
            assert!(lines <= 1, "{what}: the digest shows {lines} times");
            continue;
        }
        assert!(!hit, "{what}: `{word}` in text for people");
    }
}

#[test]
fn no_ids_or_condition_syntax_in_text_meant_for_people() {
    for sample in samples() {
        let name = sample.file_stem().unwrap().to_string_lossy().to_string();
        no_machine_words(&format!("{name} text"), &report(&sample, "text", &[]));
        no_machine_words(&format!("{name} markdown"), &report(&sample, "markdown", &[]));
        no_machine_words(&format!("{name} html"), &html_text(&report(&sample, "html", &[])));
        no_machine_words(
            &format!("{name} html, all detail"),
            &html_text(&report(&sample, "html", &["--detail", "all"])),
        );
        let docx = ok(run(&root(), &["assess", sample.to_str().unwrap(), "--format", "docx"]));
        no_machine_words(&format!("{name} docx"), &docx_text(&docx));
    }
    // Authors ask for the ids, and get them.
    let starting = root().join("samples/starting-district.toml");
    for format in ["text", "markdown", "html"] {
        let with_ids = report(&starting, format, &["--ids"]);
        assert!(with_ids.contains("why.theory_of_action"), "{format} --ids");
        assert!(with_ids.contains("why-theory-of-action"), "{format} --ids: rule ids");
    }
}

#[test]
fn each_item_shows_once() {
    let starting = root().join("samples/starting-district.toml");
    let html = report(&starting, "html", &[]);
    let doc = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).unwrap();
    let titles: Vec<String> = doc
        .select(&sel("article.action h3"))
        .map(|h| h.text().collect::<String>())
        .collect();
    let context: serde_json::Value = serde_json::from_str(&text(run(
        &root(),
        &["context", starting.to_str().unwrap(), "--date", "2026-01-15"],
    )))
    .unwrap();
    // The task "Determine your capacity" is also a recommendation: one item says both.
    let capacity: Vec<&String> = titles
        .iter()
        .filter(|t| t.contains("Determine your capacity"))
        .collect();
    assert_eq!(capacity.len(), 1, "{titles:?}");
    assert!(
        capacity[0].contains("important task of this phase, not started"),
        "{capacity:?}"
    );
    assert!(capacity[0].contains("High priority"), "{capacity:?}");
    // Every recommendation and every task of the current phase is one item, and no item
    // is there twice.
    let recommendations = context["recommendations"].as_array().unwrap();
    for r in recommendations {
        let title = r["title"].as_str().unwrap();
        let n = titles.iter().filter(|t| t.contains(title)).count();
        assert_eq!(n, 1, "{title}: {n} items");
    }
    let mut unique = titles.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), titles.len(), "{titles:?}");
    // Later phases' tasks are a line each in "What comes next", not cards.
    assert_eq!(doc.select(&sel("article.task")).count(), 0);
    let later: String = doc.select(&sel("#later")).next().unwrap().text().collect();
    assert!(later.contains("Recruit participants"), "{later}");
    // The stage note says where the answers place the district, and leaves the reasons
    // to the summary.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.toml"),
        "[profile]\norganization = \"Elm\"\norg_type = \"district\"\nstage = \"launching\"\n",
    )
    .unwrap();
    let context: serde_json::Value = serde_json::from_str(&text(run(dir.path(), &["context", "a.toml"]))).unwrap();
    let note = context["stage_note"].as_str().unwrap();
    assert!(
        note.ends_with("The answers place you in Understanding your why."),
        "{note}"
    );
    for blocker in context["phase"]["blockers"].as_array().unwrap() {
        assert!(!note.contains(blocker.as_str().unwrap()), "{note}");
    }
}

#[test]
fn detail_all_gives_later_phases_in_full() {
    let starting = root().join("samples/starting-district.toml");
    let current = Html::parse_document(&report(&starting, "html", &[]));
    let all = Html::parse_document(&report(&starting, "html", &["--detail", "all"]));
    let sel = |s: &str| Selector::parse(s).unwrap();
    assert_eq!(current.select(&sel("#later article.task")).count(), 0);
    let tasks = all.select(&sel("#later article.task")).count();
    assert_eq!(
        tasks, 5,
        "two tasks of Designing your how, three of Implementing your plan"
    );
    let refs = |doc: &Html| doc.select(&sel("#resources li")).count();
    assert!(refs(&all) > refs(&current), "later phases' resources are listed too");
    // And every resource listed is numbered in order, from 1.
    let numbers: Vec<String> = all
        .select(&sel("#resources li"))
        .map(|li| li.value().attr("id").unwrap().to_string())
        .collect();
    let expected: Vec<String> = (1..=numbers.len()).map(|n| format!("resource-{n}")).collect();
    assert_eq!(numbers, expected);
}

/// A brand folder: a brand file naming a logo next to it.
fn brand_dir(logo: &str, logo_bytes: &[u8]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(logo), logo_bytes).unwrap();
    std::fs::write(
        dir.path().join("brand.toml"),
        format!(
            "prepared_by = \"Jordan Lee <Northwind>\"\nlogo = \"{logo}\"\naccent = \"#7B341E\"\nfooter = \"Confidential \\\"draft\\\" </style>\"\n"
        ),
    )
    .unwrap();
    std::fs::copy(
        root().join("samples/preparing-district.toml"),
        dir.path().join("a.toml"),
    )
    .unwrap();
    dir
}

const SVG_LOGO: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="40" height="40" fill="#7B341E"/></svg>"##;

#[test]
fn a_brand_file_puts_who_prepared_the_report_its_logo_color_and_footer_in_every_format() {
    let dir = brand_dir("logo.svg", SVG_LOGO.as_bytes());
    let html = text(run(
        dir.path(),
        &["assess", "a.toml", "--format", "html", "--brand", "brand.toml"],
    ));
    let doc = Html::parse_document(&html);
    let sel = |s: &str| Selector::parse(s).unwrap();
    let logo = doc.select(&sel("header img.logo")).next().expect("the logo");
    assert!(
        logo.value()
            .attr("src")
            .unwrap()
            .starts_with("data:image/svg+xml;base64,")
    );
    let meta: String = doc.select(&sel("header .meta")).next().unwrap().text().collect();
    assert!(meta.contains("by Jordan Lee <Northwind>"), "{meta}");
    let style: String = doc.select(&sel("style")).next().unwrap().text().collect();
    assert!(style.contains("--accent: #7b341e;"), "the accent color");
    // The footer is on every printed page, as a CSS string nothing can break out of.
    assert!(
        style.contains(r#"@bottom-left { content: "Confidential \22 draft\22  \3C /style\3E "; "#),
        "{style}"
    );
    assert_eq!(doc.select(&sel("style")).count(), 1, "the footer ended the <style>");
    let footer: String = doc.select(&sel("footer")).next().unwrap().text().collect();
    assert!(footer.contains("Confidential \"draft\" </style>"), "{footer}");

    let md = text(run(
        dir.path(),
        &["assess", "a.toml", "--format", "markdown", "--brand", "brand.toml"],
    ));
    assert!(md.lines().nth(1).unwrap().starts_with("% Jordan Lee"), "{md}");
    let txt = text(run(dir.path(), &["assess", "a.toml", "--brand", "brand.toml"]));
    assert!(txt.contains("by Jordan Lee <Northwind>"), "{txt}");

    let docx = ok(run(
        dir.path(),
        &["assess", "a.toml", "--format", "docx", "--brand", "brand.toml"],
    ));
    let words = docx_text(&docx);
    assert!(words.contains("by Jordan Lee <Northwind>"), "{words}");
    assert!(part(&docx, "word/footer1.xml").contains("Confidential"));
    // The sample has a timeline: the logo, the progress chart and the Gantt chart.
    assert_eq!(pictures(&docx).len(), 3, "the logo and the two charts");
}

#[test]
fn a_brand_file_is_checked_strictly() {
    let dir = brand_dir("logo.png", b"not a picture");
    let out = run(
        dir.path(),
        &["assess", "a.toml", "--format", "html", "--brand", "brand.toml"],
    );
    assert_eq!(out.status.code(), Some(6));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("brand.toml:2:8: logo:"), "{err}");
    assert!(err.contains("it is not a PNG, JPEG or SVG image"), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn docx_is_a_word_document_with_headings_a_sized_table_a_chart_and_links() {
    let sample = root().join("samples/starting-district.toml");
    let args = [
        "assess",
        sample.to_str().unwrap(),
        "--format",
        "docx",
        "--date",
        "2026-01-15",
    ];
    let bytes = ok(run(&root(), &args));
    assert!(
        bytes == ok(run(&root(), &args)),
        "the same report twice is not the same bytes"
    );
    let document = part(&bytes, "word/document.xml");
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        styles.contains(r#"w:styleId="Heading1""#) && styles.contains("<w:outlineLvl w:val=\"0\" />"),
        "{styles}"
    );
    assert_eq!(
        headings(&document, 1),
        [
            "Summary",
            "What to do now: Understanding your why",
            "What comes next",
            "Appendix"
        ]
    );
    // The answers table: fixed layout, the question wider than the answer, the whole width.
    let grid: Vec<u32> = document
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .map(|s| s.split('"').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(grid.len(), 2, "{grid:?}");
    assert!(grid[0] > grid[1] && grid[1] > 2000, "{grid:?}");
    assert_eq!(
        grid.iter().sum::<u32>(),
        12_240 - 2 * 1080,
        "the text width of a Letter page"
    );
    // The chart is a picture, drawn at three times its size.
    let pngs = pictures(&bytes);
    assert_eq!(pngs.len(), 1, "one picture, the chart");
    let png = &pngs[0];
    assert!(png.starts_with(b"\x89PNG"), "the chart is a PNG");
    let width = u32::from_be_bytes(png[16..20].try_into().unwrap());
    assert_eq!(width, 460 * 3);
    // Every link of the report works: each resource with an address is a hyperlink.
    let rels = part(&bytes, "word/_rels/document.xml.rels");
    let context: serde_json::Value = serde_json::from_str(&text(run(
        &root(),
        &["context", sample.to_str().unwrap(), "--date", "2026-01-15"],
    )))
    .unwrap();
    let mut urls = 0;
    for group in context["resources_by_type"].as_array().unwrap() {
        for r in group["resources"].as_array().unwrap() {
            if let Some(url) = r["url"].as_str() {
                let target = format!(r#"Target="{}""#, url.replace('&', "&amp;"));
                assert!(rels.contains(&target), "no link to {url}");
                assert!(rels.contains("TargetMode=\"External\""));
                urls += 1;
            }
        }
    }
    assert!(urls >= 10, "{urls}");
    let words = docx_text(&bytes);
    for r in context["recommendations"].as_array().unwrap() {
        assert!(words.contains(r["title"].as_str().unwrap()), "{}", r["title"]);
    }
    assert!(part(&bytes, "docProps/core.xml").contains("2026-01-15T00:00:00Z"));
    // Page numbers in the footer, the organization in the header.
    assert!(part(&bytes, "word/footer1.xml").contains("PAGE"));
    assert!(part(&bytes, "word/header1.xml").contains("Maple Valley School District"));
}

/// The text of every heading of `level` in a Word document's body, in order.
fn headings(document: &str, level: usize) -> Vec<String> {
    let style = format!(r#"<w:pStyle w:val="Heading{level}" />"#);
    document
        .split("</w:p>")
        .filter(|p| p.contains(&style))
        .filter_map(|p| p.split(r#"<w:t xml:space="preserve">"#).nth(1))
        .filter_map(|t| t.split("</w:t>").next())
        .map(|t| t.replace("&apos;", "'"))
        .collect()
}

/// The PNG pictures of a Word document, by name.
fn pictures(bytes: &[u8]) -> Vec<Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().starts_with("word/media/") && f.name().ends_with(".png") {
            let mut png = Vec::new();
            std::io::Read::read_to_end(&mut f, &mut png).unwrap();
            out.push(png);
        }
    }
    out
}

#[test]
fn docx_carries_the_action_plan_with_the_timeline_drawn_the_team_and_what_changed() {
    let plan_args = [
        "assess",
        "samples/preparing-district.toml",
        "--format",
        "docx",
        "--date",
        "2026-01-15",
    ];
    let bytes = ok(run(&root(), &plan_args));
    assert!(
        bytes == ok(run(&root(), &plan_args)),
        "the same plan twice is not the same bytes"
    );
    let document = part(&bytes, "word/document.xml");
    let h1 = headings(&document, 1);
    let plan_at = h1
        .iter()
        .position(|h| h == "Action plan")
        .expect("an action plan section");
    assert_eq!(h1.last().map(String::as_str), Some("Appendix"), "{h1:?}");
    assert!(
        plan_at + 1 == h1.len() - 1,
        "the plan comes just before the appendix: {h1:?}"
    );
    assert!(headings(&document, 2).contains(&"Implementation timeline".to_string()));
    // Two pictures: the progress chart and the Gantt chart, both PNGs drawn at three times
    // their size; the Gantt chart is wider than tall.
    let pngs = pictures(&bytes);
    assert_eq!(pngs.len(), 2, "the progress chart and the timeline");
    for png in &pngs {
        assert!(png.starts_with(b"\x89PNG"));
    }
    let size = |png: &[u8]| {
        (
            u32::from_be_bytes(png[16..20].try_into().unwrap()),
            u32::from_be_bytes(png[20..24].try_into().unwrap()),
        )
    };
    assert!(pngs.iter().any(|p| {
        let (w, h) = size(p);
        w > 2 * h && w % 3 == 0
    }));
    // Every open item and every activity is in the document, as `readiness plan` lists them.
    let plan: serde_json::Value = serde_json::from_str(&text(run(
        &root(),
        &[
            "plan",
            "samples/preparing-district.toml",
            "--format",
            "json",
            "--date",
            "2026-01-15",
        ],
    )))
    .unwrap();
    let words = docx_text(&bytes);
    for item in plan["items"].as_array().unwrap() {
        assert!(words.contains(item["title"].as_str().unwrap()), "{}", item["title"]);
        if let Some(owner) = item["owner"].as_str() {
            assert!(words.contains(owner), "{owner}");
        }
    }
    let activities = plan["timeline"]["activities"].as_array().unwrap();
    assert!(activities.len() >= 8);
    for a in activities {
        assert!(words.contains(a["title"].as_str().unwrap()), "{}", a["title"]);
    }

    // A team's answers and what changed since an earlier assessment.
    let team = ok(run(
        &root(),
        &[
            "assess",
            "samples/team/superintendent.toml",
            "samples/team/pd-director.toml",
            "samples/team/teacher-leader.toml",
            "--team",
            "--format",
            "docx",
            "--date",
            "2026-01-15",
            "--quiet",
        ],
    ));
    let document = part(&team, "word/document.xml");
    assert!(headings(&document, 1).contains(&"Your team's answers".to_string()));
    assert!(headings(&document, 2).contains(&"Where your team disagrees".to_string()));
    assert!(docx_text(&team).contains("Dana Whitfield (Superintendent)"));
    let since = ok(run(
        &root(),
        &[
            "assess",
            "samples/starting-district.toml",
            "--since",
            "samples/history/starting-district-2025.toml",
            "--format",
            "docx",
            "--date",
            "2026-01-15",
        ],
    ));
    let document = part(&since, "word/document.xml");
    assert_eq!(headings(&document, 1)[1], "Since your last assessment on 2025-09-15");
    assert!(headings(&document, 2).contains(&"Answers changed".to_string()));
}

/// A folder holding a stand-in `chromium` that prints the given script's PDF, for testing
/// what readiness does around the browser without one.
fn fake_browser(script: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("chromium");
    // The stand-in finds its own tools where the system keeps them.
    std::fs::write(&path, format!("#!/bin/sh\nPATH=/usr/bin:/bin\n{script}\n")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    dir
}

/// Runs readiness with only `path` on PATH, so that no browser but a stand-in is found.
fn with_path(dir: &Path, path: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .output()
        .unwrap()
}

#[cfg(unix)]
#[test]
fn pdf_without_a_browser_says_what_to_install_and_writes_nothing() {
    let work = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let sample = root().join("samples/starting-district.toml");
    let out = with_path(
        work.path(),
        empty.path(),
        &["assess", sample.to_str().unwrap(), "-o", "report.pdf"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: --format pdf prints the HTML report with headless Chromium"),
        "{err}"
    );
    assert!(err.contains("chromium, chromium-browser, google-chrome"), "{err}");
    assert!(err.contains("`apt-get install chromium`"), "{err}");
    assert!(!work.path().join("report.pdf").exists());
}

#[cfg(unix)]
#[test]
fn pdf_is_printed_by_the_browser_with_the_page_in_a_fresh_profile_and_written_atomically() {
    // The stand-in checks the flags it is given, then writes a PDF with a print date.
    let browser = fake_browser(
        r#"for a in "$@"; do
  case "$a" in
    --print-to-pdf=*) out="${a#--print-to-pdf=}" ;;
    --user-data-dir=*) profile="${a#--user-data-dir=}" ;;
    file://*) page="${a#file://}" ;;
  esac
done
for flag in --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync; do
  case " $* " in *" $flag "*) ;; *) echo "missing $flag" >&2; exit 3 ;; esac
done
[ ! -e "$profile" ] || { echo "the profile is not fresh" >&2; exit 4; }
grep -q "size: a4;" "$page" || { echo "no A4 in the page" >&2; exit 5; }
printf '%%PDF-1.4\n/CreationDate (D:%s+01'"'"'00'"'"')\n' "$(date +%Y%m%d%H%M%S)" > "$out""#,
    );
    let work = tempfile::tempdir().unwrap();
    let sample = root().join("samples/starting-district.toml");
    let args = [
        "assess",
        sample.to_str().unwrap(),
        "-o",
        "report.pdf",
        "--paper",
        "a4",
        "--force",
    ];
    let out = with_path(work.path(), browser.path(), &args);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let first = std::fs::read(work.path().join("report.pdf")).unwrap();
    assert_eq!(
        String::from_utf8_lossy(&first),
        "%PDF-1.4\n/CreationDate (D:20000101000000+00'00')\n",
        "the print time is taken out"
    );
    std::thread::sleep(std::time::Duration::from_millis(1100));
    assert!(with_path(work.path(), browser.path(), &args).status.success());
    assert!(std::fs::read(work.path().join("report.pdf")).unwrap() == first);
    let leftovers: Vec<_> = std::fs::read_dir(work.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .filter(|n| n != "report.pdf")
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // A browser that fails: its last words in the error, no file written.
    let broken = fake_browser("echo 'cannot open display' >&2; exit 7");
    let out = with_path(
        work.path(),
        broken.path(),
        &["assess", sample.to_str().unwrap(), "-o", "new.pdf"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("exited with code 7 and wrote no PDF; it said:\n  cannot open display"),
        "{err}"
    );
    assert!(!work.path().join("new.pdf").exists());
}

#[test]
fn explain_writes_markdown_and_html_documents() {
    let sample = root().join("samples/preparing-district.toml");
    let md = text(run(
        &root(),
        &["explain", sample.to_str().unwrap(), "--format", "markdown"],
    ));
    assert!(
        md.starts_with("# Why Cedar Creek Public Schools is where it is\n"),
        "{md}"
    );
    assert!(
        md.contains("## Designing your how: not met (the current phase)"),
        "{md}"
    );
    assert!(
        md.contains("| Which support model is ideal for my (our) context? (`how.support_model`) | Partly decided |"),
        "{md}"
    );
    let html = text(run(&root(), &["explain", sample.to_str().unwrap(), "--format", "html"]));
    let doc = Html::parse_document(&html);
    let h2: Vec<String> = doc
        .select(&Selector::parse("h2").unwrap())
        .map(|h| h.text().collect())
        .collect();
    assert_eq!(h2.len(), 5, "three phases, the rules, the next phase: {h2:?}");
    assert!(h2[1].starts_with("Designing your how: not met"), "{h2:?}");
}
