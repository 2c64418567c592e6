//! `readiness serve` in a real browser: headless Chromium, driven through chromedriver,
//! goes through what a consultant and a district team do, and after every step the answers
//! files on disk are read back as `readiness assess` reads them.
//!
//! - The admin creates an assessment (with a hostile organization name) and adds three
//!   respondents.
//! - The first respondent answers in a desktop window: a question by keyboard only, a note,
//!   back to an earlier answer and a changed conditional answer (a later question becomes
//!   moot; another appears), a skipped question, the timeline's dates typed into the date
//!   fields after the timeline question, then closes the browser. The server is
//!   stopped with SIGTERM and started again; the link, reopened in a fresh browser, goes on
//!   where the respondent stopped, and they finish.
//! - The second answers in a phone-width window (390 px, no sideways scrolling), differently.
//! - The third answers part of the survey. The others leave the timeline's dates for later.
//! - The admin sees each one's progress, the team's combined assessment with its
//!   disagreements, reads the report, and downloads it and the answers files; the admin's
//!   pages fit a phone's width too.
//! - The browser's console stays clean throughout: nothing blocked by the
//!   Content-Security-Policy, no failed load.
//!
//! It saves the screenshots the README shows (`docs/screenshots/`).
//!
//! It needs Chromium and chromedriver (Debian: `apt-get install chromium chromium-driver`),
//! so plain `cargo test` leaves it out; `.ci/run` runs it with
//! `cargo test --test serve_browser -- --ignored`, and run that way without a browser it
//! fails saying what to install.

mod browser_support;
mod serve_support;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use browser_support::{Driver, body_text, eval, path, screenshot};
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use readiness::rules::Framework;
use serve_support::{BIN, Server, answers_path, assessment_file, read_answers, respondents, values};

/// The organization, with markup and quotes that must show as written, never as HTML.
const ORGANIZATION: &str = r#"Maple Valley <b>Unified</b> & "Partners""#;

/// Answers that never count as a value of their own when a respondent's answer is picked.
const SPECIAL: [&str; 2] = ["not_applicable", "dont_know"];

fn screenshots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots")
}

#[test]
#[ignore = "needs Chromium and chromedriver: run with `cargo test --test serve_browser -- --ignored`"]
fn a_team_answers_in_a_browser_and_the_admin_sees_and_downloads_their_assessment() {
    let driver = Driver::start();
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let downloads = work.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let framework = serve_support::framework();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(run(&driver, &framework, &data, &downloads));
}

async fn run(driver: &Driver, framework: &Framework, data: &Path, downloads: &Path) {
    let server = Server::start(data);
    // The browser's console warnings and errors on every page (a style or script the
    // Content-Security-Policy blocks, a failed load): there must be none.
    let mut console = Vec::new();
    let admin = driver.session(false, downloads).await;

    // The admin creates the assessment and adds three respondents.
    let assessment = create_assessment(&admin, &server).await;
    let team = [
        ("Dana Whitfield", "Superintendent"),
        ("Sam Okafor", "Principal"),
        ("Lee Chen", "Teacher leader"),
    ];
    let mut links = Vec::new();
    for (name, role) in team {
        links.push(add_respondent(&admin, &server, &assessment, name, role).await);
    }
    close(admin, &mut console).await;

    // The first respondent, at a desktop: up to the close and the server's restart.
    let mut dana = Respondent::new(framework, &server, &assessment, &links[0], 0);
    let desktop = driver.session(false, downloads).await;
    dana.first_visit(&desktop, "Dana Whitfield").await;
    dana.answer_until(&desktop, "why.value_proposition").await;
    tell_me_more(&desktop).await;
    dana.answer(&desktop, Some("yes"), None).await;
    assert_eq!(dana.question(&desktop).await.as_deref(), Some("why.possibilities"));
    dana.answer_by_keyboard(&desktop).await;
    assert_eq!(dana.question(&desktop).await.as_deref(), Some("why.goals"));
    dana.answer(
        &desktop,
        Some("partly"),
        Some("Board approved <b>the goals</b>; staff not yet consulted"),
    )
    .await;
    // The conditional question appears when the theory of action is (partly) there.
    assert_eq!(dana.question(&desktop).await.as_deref(), Some("why.theory_of_action"));
    dana.answer(&desktop, Some("yes"), None).await;
    assert_eq!(
        dana.question(&desktop).await.as_deref(),
        Some("why.shared_theory"),
        "answering yes to the theory of action asks whether it is shared"
    );
    screenshot(&desktop, &screenshots().join("respondent-desktop.png"), 1600).await;
    dana.answer(&desktop, Some("yes"), None).await;
    // Back twice, to the theory of action: each page shows the answer given.
    dana.back(&desktop, "why.shared_theory", "yes").await;
    dana.back(&desktop, "why.theory_of_action", "yes").await;
    // Changing it to no makes the shared theory moot: it is removed and not asked.
    dana.answer_dropping(&desktop, "no", &["why.shared_theory"]).await;
    assert_eq!(
        dana.question(&desktop).await.as_deref(),
        Some("why.capacity"),
        "with no theory of action the shared-theory question is not asked"
    );
    let shared = framework_question(framework, "why.shared_theory");
    let status = text_of(&desktop, "[role=status]").await;
    assert!(
        status.contains(&shared),
        "the page says the moot answer was removed, naming the question: {status:?}"
    );
    dana.answer(&desktop, None, None).await; // capacity
    dana.answer(&desktop, None, None).await; // leader_support
    let resume_at = dana.question(&desktop).await.expect("a question after the first phase");
    close(desktop, &mut console).await;

    // The server stops cleanly (SIGTERM) and starts again on the same data.
    let admin_before = server.admin.clone();
    let status = server.terminate();
    assert!(status.success(), "SIGTERM ends `readiness serve` cleanly: {status}");
    let server = Server::start(data);
    let same_token = |link: &str| link.rsplit('/').next().unwrap().to_string();
    assert_eq!(
        same_token(&server.admin),
        same_token(&admin_before),
        "the admin link is kept across restarts"
    );
    dana.server_base = server.base.clone();
    for link in &mut links {
        *link = rebase(link, &server.base);
    }
    dana.link = links[0].clone();

    // Reopened in a fresh browser, the link goes on where the respondent stopped.
    let desktop = driver.session(false, downloads).await;
    desktop.goto(&dana.link).await.unwrap();
    let start = desktop.find(Locator::Css("a.button")).await.unwrap();
    assert_eq!(
        start.text().await.unwrap().trim(),
        "Continue",
        "a respondent with answers continues"
    );
    click_and_wait(&desktop, &start).await;
    assert_eq!(
        dana.question(&desktop).await,
        Some(resume_at.clone()),
        "the survey resumes at the first question left"
    );
    dana.check_disk();
    // The fee-funding question appears only for fee-based micro-credentials.
    dana.answer_until(&desktop, "how.fee_based").await;
    dana.answer(&desktop, Some("yes"), None).await;
    assert_eq!(dana.question(&desktop).await.as_deref(), Some("how.fee_funding"));
    dana.answer(&desktop, Some("partly"), None).await;
    // A question skipped for now stays unanswered and is listed at the end.
    let skipped = dana.question(&desktop).await.unwrap();
    let before = dana.file_text();
    submit(&desktop, "skip").await;
    assert_eq!(dana.file_text(), before, "skipping writes nothing");
    assert_ne!(
        dana.question(&desktop).await,
        Some(skipped.clone()),
        "skipping moves on"
    );
    dana.answer_until(&desktop, "").await;
    assert!(
        path(&desktop).await.ends_with("/done"),
        "after the last question comes the summary"
    );
    let remaining = text_of(&desktop, "ul.remaining").await;
    let skipped_title = framework_question(framework, &skipped);
    assert!(
        remaining.contains(&skipped_title),
        "the summary lists the skipped question: {remaining:?}"
    );
    let link = desktop
        .find(Locator::XPath(&format!(
            "//ul[@class='remaining']//a[contains(@href, '/q/{skipped}')]"
        )))
        .await
        .unwrap();
    click_and_wait(&desktop, &link).await;
    assert_eq!(dana.question(&desktop).await, Some(skipped.clone()));
    dana.answer(&desktop, None, None).await;
    assert!(path(&desktop).await.ends_with("/done"));
    let summary = body_text(&desktop).await;
    assert!(
        summary.contains("every question is answered"),
        "the summary says the survey is finished: {summary}"
    );
    assert!(
        summary.contains("Board approved <b>the goals</b>"),
        "the note shows as written: {summary}"
    );
    dana.check_disk();
    assert_assessable(&dana.file);
    close(desktop, &mut console).await;

    // The second respondent, on a phone, answers everything differently.
    let phone = driver.session(true, downloads).await;
    let mut sam = Respondent::new(framework, &server, &assessment, &links[1], 1);
    sam.first_visit(&phone, "Sam Okafor").await;
    assert_fits_phone(&phone).await;
    sam.answer_until(&phone, "why.value_proposition").await;
    assert_fits_phone(&phone).await;
    screenshot(&phone, &screenshots().join("respondent-phone.png"), 1800).await;
    sam.answer(&phone, Some("no"), None).await;
    sam.answer_until(&phone, "").await;
    assert!(path(&phone).await.ends_with("/done"));
    assert_fits_phone(&phone).await;
    sam.check_disk();
    assert_assessable(&sam.file);
    close(phone, &mut console).await;

    // The third answers part of the survey.
    let other = driver.session(false, downloads).await;
    let mut lee = Respondent::new(framework, &server, &assessment, &links[2], 2);
    lee.first_visit(&other, "Lee Chen").await;
    lee.answer_until(&other, "how.which_microcredentials").await;
    close(other, &mut console).await;

    // The admin sees the team.
    let admin = driver.session(false, downloads).await;
    admin_sees_the_team(&admin, &server, &assessment, [&dana, &sam, &lee], framework).await;
    downloads_the_report(&admin, &server, &assessment, downloads, [&dana, &sam, &lee]).await;
    close(admin, &mut console).await;
    // The admin's pages are readable on a phone too: wide tables scroll inside the page.
    let admin = driver.session(true, downloads).await;
    admin.goto(&server.admin).await.unwrap();
    assert_fits_phone(&admin).await;
    admin.goto(&format!("{}/a/{assessment}", server.admin)).await.unwrap();
    assert_fits_phone(&admin).await;
    close(admin, &mut console).await;

    let status = server.terminate();
    assert!(status.success(), "SIGTERM ends `readiness serve` cleanly: {status}");
    assert!(
        console.is_empty(),
        "the browser's console reported problems on the pages:\n{}",
        console.join("\n")
    );
}

/// Ends a browser session, keeping the console's warnings and errors.
async fn close(c: Client, console: &mut Vec<String>) {
    console.extend(browser_support::console_problems(&c).await);
    c.close().await.unwrap();
}

/// Creates the assessment from the admin page; returns its id.
async fn create_assessment(c: &Client, server: &Server) -> String {
    c.goto(&server.admin).await.unwrap();
    assert!(!c.title().await.unwrap().is_empty(), "the admin page has a title");
    let field = c.find(Locator::Css("input[name=organization]")).await.unwrap();
    field.send_keys(ORGANIZATION).await.unwrap();
    // The kind of organization is set for the whole team.
    if let Ok(kind) = c.find(Locator::Css("select[name='profile.org_type']")).await {
        kind.select_by_value("district").await.unwrap();
    }
    let button = c
        .find(Locator::XPath("//button[normalize-space()='Create assessment']"))
        .await
        .unwrap();
    click_and_wait(c, &button).await;
    let here = path(c).await;
    let id = here.rsplit('/').next().unwrap().to_string();
    assert!(
        here.contains("/a/") && !id.is_empty(),
        "creating an assessment opens it: {here}"
    );
    let heading = text_of(c, "h1").await;
    assert_eq!(heading, ORGANIZATION, "the organization's name shows as written");
    assert!(
        c.find(Locator::Css("h1 b")).await.is_err(),
        "markup in a name is never HTML"
    );
    let manifest = assessment_file(&server.data, &id);
    assert_eq!(
        manifest.get("organization").and_then(|o| o.as_str()),
        Some(ORGANIZATION)
    );
    id
}

/// Adds a respondent on the assessment page; returns their private link.
async fn add_respondent(c: &Client, server: &Server, assessment: &str, name: &str, role: &str) -> String {
    let before = respondents(&server.data, assessment).len();
    c.find(Locator::Css("input[name=name]"))
        .await
        .unwrap()
        .send_keys(name)
        .await
        .unwrap();
    c.find(Locator::Css("input[name=role]"))
        .await
        .unwrap()
        .send_keys(role)
        .await
        .unwrap();
    let button = c
        .find(Locator::XPath("//button[normalize-space()='Add respondent']"))
        .await
        .unwrap();
    click_and_wait(c, &button).await;
    let listed = respondents(&server.data, assessment);
    assert_eq!(listed.len(), before + 1, "assessment.toml lists the new respondent");
    let added = listed.last().unwrap();
    assert_eq!((added.name.as_str(), added.role.as_str()), (name, role));
    assert!(
        added.token.len() >= 22,
        "a link's token carries at least 128 bits: {:?}",
        added.token
    );
    let links = c.find_all(Locator::Css(".respondent-link")).await.unwrap();
    assert_eq!(links.len(), before + 1, "the page shows every respondent's link");
    let link = links.last().unwrap().text().await.unwrap().trim().to_string();
    assert!(
        link.starts_with(&format!("{}/r/", server.base)) && link.ends_with(&added.token),
        "the link opens the new respondent's answers: {link}"
    );
    link
}

/// The admin's view of the team: progress, combined assessment, disagreements, screenshot.
async fn admin_sees_the_team(
    c: &Client,
    server: &Server,
    assessment: &str,
    team: [&Respondent<'_>; 3],
    framework: &Framework,
) {
    c.goto(&format!("{}/a/{assessment}", server.admin)).await.unwrap();
    let rows = c.find_all(Locator::Css("table.respondents tbody tr")).await.unwrap();
    assert_eq!(rows.len(), 3, "three respondents are listed");
    let mut progress = Vec::new();
    for row in &rows {
        let text = row.find(Locator::Css(".progress")).await.unwrap().text().await.unwrap();
        let numbers: Vec<usize> = text
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|n| n.parse().ok())
            .collect();
        assert!(numbers.len() >= 2, "progress reads \"N of M\": {text:?}");
        progress.push((numbers[0], numbers[1]));
    }
    assert_eq!(
        progress[0].0, progress[0].1,
        "the first respondent has finished: {progress:?}"
    );
    assert_eq!(
        progress[1].0, progress[1].1,
        "the second respondent has finished: {progress:?}"
    );
    assert!(progress[2].0 < progress[2].1, "the third has not: {progress:?}");
    assert_eq!(
        progress[2].0,
        team[2].given(),
        "the third respondent's progress counts the answers in their file"
    );

    // The combined assessment, with the disagreements (the two finished respondents answered
    // the value proposition yes and no).
    let disagreements = text_of(c, "ul.disagreements").await;
    let question = framework_question(framework, "why.value_proposition");
    assert!(
        disagreements.contains(&question),
        "the team's disagreements name the question they disagree on: {disagreements:?}"
    );
    let rows = c.find_all(Locator::Css("tr.disagree")).await.unwrap();
    assert!(!rows.is_empty(), "the spread table marks disagreements");
    screenshot(c, &screenshots().join("admin.png"), 2400).await;

    // The full report in the page.
    let report = c
        .find(Locator::XPath("//a[normalize-space()='Read the full report']"))
        .await
        .unwrap();
    click_and_wait(c, &report).await;
    let text = body_text(c).await;
    assert!(
        text.contains(ORGANIZATION),
        "the report names the organization as written"
    );
    assert!(text.contains(&question), "the report shows the team's answers");
    c.back().await.unwrap();
}

/// Downloads the report (HTML and Markdown) and the answers files, as a browser saves them.
async fn downloads_the_report(
    c: &Client,
    server: &Server,
    assessment: &str,
    downloads: &Path,
    team: [&Respondent<'_>; 3],
) {
    c.goto(&format!("{}/a/{assessment}", server.admin)).await.unwrap();
    let html = download(c, downloads, "report.html").await;
    let html = String::from_utf8(html).unwrap();
    assert!(
        html.contains("Maple Valley &lt;b&gt;Unified&lt;/b&gt; &amp;"),
        "the downloaded report escapes the name"
    );
    assert!(
        !html.contains("<b>Unified</b>"),
        "no markup from a name reaches the report"
    );
    let markdown = String::from_utf8(download(c, downloads, "report.md").await).unwrap();
    assert!(
        markdown.contains("Maple Valley"),
        "the Markdown report names the organization"
    );
    let zip = download(c, downloads, "answers.zip").await;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(zip)).expect("answers.zip is a zip archive");
    for member in team {
        let name = member.file.file_name().unwrap().to_str().unwrap();
        let index = (0..archive.len())
            .find(|&i| archive.by_index(i).unwrap().name().ends_with(name))
            .unwrap_or_else(|| panic!("answers.zip holds {name}"));
        let mut entry = archive.by_index(index).unwrap();
        let mut text = String::new();
        std::io::Read::read_to_string(&mut entry, &mut text).unwrap();
        assert_eq!(text, member.file_text(), "answers.zip holds {name} as it is on disk");
    }
}

/// Clicks the download link whose address ends in `suffix` and waits for the browser to
/// save the file; returns its bytes.
async fn download(c: &Client, downloads: &Path, suffix: &str) -> Vec<u8> {
    let before: Vec<PathBuf> = files_in(downloads);
    let link = c
        .find(Locator::Css(&format!("a[href$='{suffix}']")))
        .await
        .unwrap_or_else(|_| panic!("the assessment page links to {suffix}"));
    link.click().await.unwrap();
    let start = Instant::now();
    let mut last: Option<Vec<u8>> = None;
    loop {
        // Chromium reserves the final name with an empty file while it writes to a
        // `.crdownload` beside it, then renames that over it: the download is done when
        // no `.crdownload` is left and the new file is not empty, and it has read the
        // same on two looks 100 ms apart (a file seen mid-write has not).
        let all = files_in(downloads);
        let writing = all.iter().any(|f| f.to_string_lossy().ends_with(".crdownload"));
        let new: Vec<&PathBuf> = all.iter().filter(|f| !before.contains(f)).collect();
        let now = match new.as_slice() {
            [file] if !writing => Some(std::fs::read(file).unwrap()).filter(|b| !b.is_empty()),
            _ => None,
        };
        if now.is_some() && now == last {
            return now.unwrap_or_default();
        }
        last = now;
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "the browser saved no {suffix} within 30 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect()
}

/// One respondent: their link, their answers file, and what it must hold.
struct Respondent<'f> {
    framework: &'f Framework,
    server_base: String,
    link: String,
    token: String,
    file: PathBuf,
    /// Which of a choice's values this respondent picks when the test does not say.
    seed: usize,
    /// The answers the server acknowledged, by question id, as written in the file.
    expected: BTreeMap<String, String>,
    /// The notes given, by question id.
    notes: BTreeMap<String, String>,
}

impl<'f> Respondent<'f> {
    fn new(framework: &'f Framework, server: &Server, assessment: &str, link: &str, seed: usize) -> Self {
        let token = link.rsplit('/').next().unwrap().to_string();
        let file = answers_path(&server.data, assessment, &token);
        Respondent {
            framework,
            server_base: server.base.clone(),
            link: link.to_string(),
            token,
            file,
            seed,
            expected: BTreeMap::new(),
            notes: BTreeMap::new(),
        }
    }

    /// Opens the link: the welcome page greets the respondent, names the organization, and
    /// starts the survey.
    async fn first_visit(&self, c: &Client, name: &str) {
        c.goto(&self.link).await.unwrap();
        let text = body_text(c).await;
        assert!(text.contains(name), "the welcome page greets {name}: {text}");
        assert!(
            text.contains(ORGANIZATION),
            "the welcome page names the organization as written"
        );
        let start = c.find(Locator::Css("a.button")).await.unwrap();
        assert_eq!(start.text().await.unwrap().trim(), "Start");
        click_and_wait(c, &start).await;
        assert!(self.question(c).await.is_some(), "Start opens a question");
        self.check_disk();
    }

    /// The id of the question on the page, or `None` on another page.
    async fn question(&self, c: &Client) -> Option<String> {
        let here = path(c).await;
        let prefix = format!("/r/{}/q/", self.token);
        here.strip_prefix(&prefix).map(str::to_string)
    }

    /// How many questions this respondent answered (not counting what the server sets for
    /// the whole team).
    fn given(&self) -> usize {
        self.expected.len()
    }

    fn file_text(&self) -> String {
        std::fs::read_to_string(&self.file).unwrap_or_default()
    }

    /// The answers file holds exactly the acknowledged answers and notes, and what the server
    /// sets for the team (the organization's name and kind); it parses as `readiness assess`
    /// parses it.
    fn check_disk(&self) {
        let answers = read_answers(self.framework, &self.file).unwrap_or_else(|e| panic!("{e}"));
        let mut on_disk = values(&answers);
        if !on_disk.is_empty() || !self.expected.is_empty() {
            assert_eq!(
                on_disk.remove("profile.organization").as_deref(),
                Some(ORGANIZATION),
                "{}",
                self.file_text()
            );
            assert_eq!(
                on_disk.remove("profile.org_type").as_deref(),
                Some("district"),
                "{}",
                self.file_text()
            );
        }
        assert_eq!(
            on_disk,
            self.expected,
            "the answers file holds the acknowledged answers:\n{}",
            self.file_text()
        );
        let notes: BTreeMap<String, String> = answers.notes.clone().into_iter().collect();
        assert_eq!(notes, self.notes, "the answers file holds the notes");
    }

    /// Answers the question on the page with `value` (or a value of this respondent's own
    /// choosing), and a note; saves; checks the file.
    async fn answer(&mut self, c: &Client, value: Option<&str>, note: Option<&str>) {
        self.save(c, value, note, &[]).await;
    }

    /// Answers the question on the page with `value`, which makes the questions `moot` no
    /// longer apply: their answers must be gone from the file.
    async fn answer_dropping(&mut self, c: &Client, value: &str, moot: &[&str]) {
        self.save(c, Some(value), None, moot).await;
    }

    async fn save(&mut self, c: &Client, value: Option<&str>, note: Option<&str>, moot: &[&str]) {
        let here = path(c).await;
        let id = self
            .question(c)
            .await
            .unwrap_or_else(|| panic!("not a question page: {here}"));
        let radios = c
            .find_all(Locator::Css("input[type=radio][name=answer]"))
            .await
            .unwrap();
        let value = if radios.is_empty() {
            let field = c.find(Locator::Css("[name=answer]")).await.unwrap();
            let number = field.attr("type").await.unwrap().as_deref() == Some("number");
            let value = match value {
                Some(v) => v.to_string(),
                None if number => (150 * (self.seed + 1)).to_string(),
                None => format!("Answered in a browser by respondent {}", self.seed + 1),
            };
            field.clear().await.unwrap();
            field.send_keys(&value).await.unwrap();
            value
        } else {
            let mut choices = Vec::new();
            for radio in &radios {
                choices.push(radio.attr("value").await.unwrap().unwrap());
            }
            let value = match value {
                Some(v) => v.to_string(),
                None => {
                    let real: Vec<&String> = choices.iter().filter(|v| !SPECIAL.contains(&v.as_str())).collect();
                    real[(self.seed + self.expected.len()) % real.len()].clone()
                }
            };
            assert!(choices.contains(&value), "{id} offers {value}: {choices:?}");
            // Click the label, as a person does: it must select its radio.
            let label = c
                .find(Locator::Css(&format!("label[for='answer-{value}']")))
                .await
                .unwrap();
            label.click().await.unwrap();
            let radio = c
                .find(Locator::Css(&format!("input[name=answer][value='{value}']")))
                .await
                .unwrap();
            assert!(
                radio.is_selected().await.unwrap(),
                "clicking the label of {value} selects it"
            );
            value
        };
        if let Some(note) = note {
            let field = c.find(Locator::Css("textarea[name=note]")).await.unwrap();
            field.clear().await.unwrap();
            field.send_keys(note).await.unwrap();
            self.notes.insert(id.clone(), note.to_string());
        }
        submit(c, "next").await;
        assert_ne!(
            self.question(c).await,
            Some(id.clone()),
            "saving {id} moves on: {}",
            body_text(c).await
        );
        self.expected.insert(id, value);
        for gone in moot {
            assert!(self.expected.remove(*gone).is_some(), "{gone} had an answer");
        }
        self.check_disk();
    }

    /// Answers the choice question on the page with the keyboard only: Space on the first
    /// answer picks it, Enter saves and continues.
    async fn answer_by_keyboard(&mut self, c: &Client) {
        let id = self.question(c).await.unwrap();
        let first = c.find(Locator::Css("input[type=radio][name=answer]")).await.unwrap();
        let value = first.attr("value").await.unwrap().unwrap();
        first.send_keys(" ").await.unwrap();
        assert!(first.is_selected().await.unwrap(), "Space picks the focused answer");
        mark_page(c).await;
        first.send_keys(&Key::Enter.to_string()).await.unwrap();
        wait_new_page(c).await;
        assert_ne!(self.question(c).await, Some(id.clone()), "Enter saves and continues");
        self.expected.insert(id, value);
        self.check_disk();
    }

    /// Answers questions with this respondent's own answers until the page is question
    /// `stop` (or the end, for `""`).
    async fn answer_until(&mut self, c: &Client, stop: &str) {
        for _ in 0..200 {
            if path(c).await.ends_with("/timeline") {
                self.timeline(c).await;
                continue;
            }
            match self.question(c).await {
                Some(id) if id == stop => return,
                Some(_) => self.answer(c, None, None).await,
                None if stop.is_empty() => return,
                None => panic!("reached {} before question {stop}", path(c).await),
            }
        }
        panic!("more than 200 pages before question {stop}");
    }

    /// The timeline page offered after its question: the first respondent types a
    /// training day and a submission deadline into the date fields, as a person does, and
    /// saves them (the file must hold them, and the page says what the dates show); the
    /// others leave the dates for later, which writes nothing.
    async fn timeline(&mut self, c: &Client) {
        let before = self.file_text();
        if self.seed != 0 {
            submit(c, "skip").await;
            assert_eq!(self.file_text(), before, "skipping the dates writes nothing");
            assert!(!path(c).await.ends_with("/timeline"), "skipping the dates moves on");
            return;
        }
        // Chromium's date field (en-US) takes the month, the day and the year typed in turn.
        for (field, typed) in [
            ("training.start", "02102027"),
            ("submission_deadline.start", "04302027"),
        ] {
            let input = c
                .find(Locator::Css(&format!("input[type=date][name='{field}']")))
                .await
                .unwrap();
            input.send_keys(typed).await.unwrap();
            let value = eval(
                c,
                &format!("return document.querySelector(\"input[name='{field}']\").value"),
            )
            .await;
            assert!(
                value.as_str().is_some_and(|v| v.len() == 10),
                "{field} after typing {typed}: {value}"
            );
        }
        screenshot(c, &screenshots().join("respondent-timeline.png"), 1400).await;
        let button = c
            .find(Locator::Css("button[name=action][value=save]"))
            .await
            .expect("a Save the dates button");
        click_and_wait(c, &button).await;
        let status = text_of(c, "[role=status]").await;
        assert!(status.contains("The dates are saved"), "{status}");
        assert!(
            status.contains("Recruitment"),
            "the undated activities are named: {status}"
        );
        let answers = read_answers(self.framework, &self.file).unwrap_or_else(|e| panic!("{e}"));
        let day = |id: &str| answers.timeline.get(id).map(|d| d.text());
        assert_eq!(day("training").as_deref(), Some("2027-02-10"), "{}", self.file_text());
        assert_eq!(day("submission_deadline").as_deref(), Some("2027-04-30"));
        self.check_disk();
        let on = c.find(Locator::Css("[role=status] a.button")).await.unwrap();
        click_and_wait(c, &on).await;
        assert!(
            !path(c).await.ends_with("/timeline"),
            "the page's link goes on with the survey"
        );
    }

    /// Goes back from the page's question: the earlier question `to` shows with `shown`
    /// picked, and nothing on disk changes.
    async fn back(&self, c: &Client, to: &str, shown: &str) {
        let before = self.file_text();
        submit(c, "back").await;
        assert_eq!(
            self.question(c).await.as_deref(),
            Some(to),
            "Back goes to the question before"
        );
        let radio = c
            .find(Locator::Css(&format!("input[name=answer][value='{shown}']")))
            .await
            .unwrap();
        assert!(
            radio.is_selected().await.unwrap(),
            "the earlier answer {shown} is shown picked"
        );
        assert_eq!(self.file_text(), before, "going back writes nothing");
        self.check_disk();
    }
}

/// "Tell me more" opens, without script, on the question's help and its resources; the
/// resources' links are web addresses only.
async fn tell_me_more(c: &Client) {
    let details = c.find(Locator::Css("details.more")).await.unwrap();
    assert!(
        details.attr("open").await.unwrap().is_none(),
        "Tell me more starts closed"
    );
    let summary = details.find(Locator::Css("summary")).await.unwrap();
    assert_eq!(summary.text().await.unwrap().trim(), "Tell me more");
    summary.click().await.unwrap();
    assert!(
        details.attr("open").await.unwrap().is_some(),
        "clicking Tell me more opens it"
    );
    let text = details.text().await.unwrap();
    assert!(
        text.contains("Resources"),
        "Tell me more lists the question's resources: {text}"
    );
    for link in details.find_all(Locator::Css("a")).await.unwrap() {
        let href = link.attr("href").await.unwrap().unwrap_or_default();
        assert!(
            href.starts_with("https://") || href.starts_with("http://"),
            "a resource links to {href:?}"
        );
    }
    summary.click().await.unwrap();
}

/// The question's text, as the framework words it.
fn framework_question(framework: &Framework, id: &str) -> String {
    framework
        .questions
        .get(id)
        .unwrap_or_else(|| panic!("no question {id}"))
        .title
        .to_string()
}

/// A link with its address moved to another server's base (the same server on a new port).
fn rebase(link: &str, base: &str) -> String {
    let path = &link[link.find("/r/").expect("a respondent link")..];
    format!("{base}{path}")
}

/// The text of the first element matching `css`.
async fn text_of(c: &Client, css: &str) -> String {
    let here = path(c).await;
    c.find(Locator::Css(css))
        .await
        .unwrap_or_else(|_| panic!("no {css} on {here}"))
        .text()
        .await
        .unwrap()
}

/// Marks the document, so that [`wait_new_page`] can tell when another one has loaded.
async fn mark_page(c: &Client) {
    eval(c, "window.__readinessOld = true; return null").await;
}

/// Waits until the marked document is replaced by a fully loaded new one.
async fn wait_new_page(c: &Client) {
    let start = Instant::now();
    loop {
        let done = c
            .execute(
                "return window.__readinessOld !== true && document.readyState === 'complete'",
                Vec::new(),
            )
            .await
            .map(|v| v.as_bool() == Some(true))
            .unwrap_or(false);
        if done {
            return;
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no new page within 30 s");
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
}

/// Clicks an element that loads a page, and waits for the page.
async fn click_and_wait(c: &Client, element: &fantoccini::elements::Element) {
    mark_page(c).await;
    element.click().await.unwrap();
    wait_new_page(c).await;
}

/// Clicks the question form's button `action` (`next`, `back`, `skip`) and waits.
async fn submit(c: &Client, action: &str) {
    let button = c
        .find(Locator::Css(&format!("button[name=action][value={action}]")))
        .await
        .unwrap_or_else(|_| panic!("no {action} button"));
    click_and_wait(c, &button).await;
}

/// The page fits a phone's width: nothing scrolls sideways.
async fn assert_fits_phone(c: &Client) {
    let widths = eval(c, "return [window.innerWidth, document.documentElement.scrollWidth]").await;
    let (inner, scroll) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
    assert!(inner <= 400, "a phone-width window: {inner} px");
    assert!(
        scroll <= inner,
        "the page scrolls sideways on a phone: {scroll} px wide in {inner} px"
    );
}

/// `readiness assess` reads the finished file.
fn assert_assessable(file: &Path) {
    let out = std::process::Command::new(BIN)
        .arg("assess")
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "`readiness assess {}` fails: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
}
