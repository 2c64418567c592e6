//! `readiness serve` under load and under a crash, on loopback.
//!
//! 1. **Load**: many simulated respondents (200 by default, spread over assessments of 50)
//!    answer the whole survey at once, each a thread with its own HTTP connection that does
//!    what a browser without script does: opens the link, follows `Start`, reads each
//!    question's form (its `csrf` field and its answers), posts an answer (sometimes with a
//!    note) and follows the 303 redirect, to the end. Then every answers file on disk is
//!    read as `readiness assess` reads it and compared with what each respondent was
//!    acknowledged: zero lost or changed answers is the target. It prints the latency of
//!    saves and of page loads (p50, p99, max) and the throughput.
//! 2. **Crash**: the same on a fresh data folder, but the server is killed with SIGKILL
//!    while the respondents are answering, then started again. Every file must parse and
//!    `readiness assess` must read it; every answer acknowledged (303) before the kill must
//!    be on disk; an answer whose request got no response may or may not be. Then every
//!    respondent reopens their link, goes on where they stopped, and finishes; the files are
//!    checked once more.
//!
//! Run with `cargo bench --bench serve_load` (release build; 200 respondents). Run as
//! `cargo test --bench serve_load` (debug build) it does a short run of 20 respondents,
//! which CI uses. `SERVE_LOAD_RESPONDENTS=N` sets the number. Every request loop is bounded
//! and every request times out; it talks only to 127.0.0.1.

#[path = "../tests/serve_support/mod.rs"]
mod serve_support;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use readiness::rules::Framework;
use scraper::{Html, Selector};
use serve_support::{BIN, Server, answers_path, read_answers, values};

/// Respondents per assessment.
const PER_ASSESSMENT: usize = 50;

/// The longest any request may take before the run fails.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// The most pages one respondent goes through (the survey has fewer than 40 questions).
const MAX_PAGES: usize = 200;

fn main() {
    let full = std::env::args().any(|a| a == "--bench");
    let respondents = std::env::var("SERVE_LOAD_RESPONDENTS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .unwrap_or(if full { 200 } else { 20 });
    let framework = serve_support::framework();
    println!(
        "readiness serve: {respondents} respondents on loopback ({} build of the server)",
        if full { "release" } else { "debug" }
    );
    load(&framework, respondents);
    crash(&framework, respondents);
    println!("serve_load: 2 passed, 0 failed");
}

/// Part 1: every respondent answers everything at once; nothing is lost.
fn load(framework: &Framework, count: usize) {
    let work = tempfile::tempdir().unwrap();
    let server = Server::start(&work.path().join("data"));
    let team = setup(&server, count);
    let acked = Arc::new(AtomicUsize::new(0));
    let start = Instant::now();
    let outcomes = run_all(&server.base, &team, &acked, &[]);
    let wall = start.elapsed();

    let mut saves = Vec::new();
    let mut pages = Vec::new();
    for outcome in &outcomes {
        if let Some(error) = &outcome.error {
            panic!(
                "{}: a respondent could not finish: {error}\nserver log:\n{}",
                outcome.who,
                server.log_text()
            );
        }
        assert!(outcome.finished, "{} did not reach the end of the survey", outcome.who);
        saves.extend(&outcome.saves);
        pages.extend(&outcome.pages);
    }
    let (lost, checked) = verify(framework, &team, &outcomes, false);
    let requests = saves.len() + pages.len();
    let dated = outcomes.iter().filter(|o| o.timeline.is_some()).count();
    println!(
        "\n1. Load: {count} respondents answering at once, {} answers and timelines saved ({dated} timelines)",
        saves.len()
    );
    assert_eq!(
        dated, count,
        "every respondent is offered the timeline's dates and saves them"
    );
    println!("   saves (POST, answer on disk, 303): {}", summary(&mut saves));
    println!("   pages (GET):                       {}", summary(&mut pages));
    println!(
        "   throughput: {:.0} requests/s, {:.0} saves/s over {:.1} s",
        requests as f64 / wall.as_secs_f64(),
        saves.len() as f64 / wall.as_secs_f64(),
        wall.as_secs_f64()
    );
    println!("   answers files checked: {checked}; answers lost or changed: {lost}");
    assert_eq!(lost, 0, "acknowledged answers are missing or changed on disk");
    let status = server.terminate();
    assert!(status.success(), "SIGTERM ends the server cleanly: {status}");
}

/// Part 2: the server is killed mid-load and started again; nothing acknowledged is lost,
/// every file is whole, and everyone can finish.
fn crash(framework: &Framework, count: usize) {
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("data");
    let server = Server::start(&data);
    let team = setup(&server, count);
    let acked = Arc::new(AtomicUsize::new(0));
    // Kill once about a third of the answers are in (each respondent gives 20 or more).
    let kill_at = count * 8;
    let finished = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let killer = {
        let acked = Arc::clone(&acked);
        let finished = Arc::clone(&finished);
        let pid = server.pid();
        std::thread::spawn(move || {
            while acked.load(Ordering::SeqCst) < kill_at {
                if finished.load(Ordering::SeqCst) {
                    return None;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            let status = std::process::Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status()
                .unwrap();
            assert!(status.success(), "kill -KILL failed");
            Some(acked.load(Ordering::SeqCst))
        })
    };
    let outcomes = run_all(&server.base, &team, &acked, &[]);
    finished.store(true, Ordering::SeqCst);
    let Some(at_kill) = killer.join().unwrap() else {
        panic!(
            "the respondents stopped before {kill_at} answers were in: no crash was tested\n{:?}",
            outcomes.iter().filter_map(|o| o.error.as_deref()).next()
        );
    };
    server.kill();
    let interrupted = outcomes.iter().filter(|o| o.error.is_some()).count();
    let in_flight = outcomes.iter().filter(|o| o.in_flight.is_some()).count();
    let before: usize = outcomes.iter().map(|o| o.acked.len()).sum();
    println!("\n2. Crash: SIGKILL after {at_kill} acknowledged answers");
    println!(
        "   {before} answers acknowledged before the kill; {interrupted} respondents cut off, {in_flight} with a save in flight"
    );

    let leftovers = leftover_files(&data);
    let server = Server::start(&data);
    let (lost, checked) = verify(framework, &team, &outcomes, true);
    let assessable = assess_every_file(&data);
    println!(
        "   after the restart: {checked} answers files parse, {assessable} read by `readiness assess` (each folder by `assess --team`); acknowledged answers lost: {lost}"
    );
    println!("   temporary files the kill left beside the answers files (never read as answers): {leftovers}");
    assert_eq!(lost, 0, "acknowledged answers are missing or changed after the crash");
    assert!(
        interrupted > 0,
        "the kill came after every respondent had finished: no crash was tested"
    );

    // Everyone reopens their link and finishes; answers written but not acknowledged count
    // as given (the respondent sees them as answered).
    let team: Vec<Member> = team
        .into_iter()
        .map(|m| Member {
            link: format!("{}{}", server.base, &m.link[m.link.find("/r/").unwrap()..]),
            ..m
        })
        .collect();
    let earlier: Vec<Outcome> = outcomes
        .iter()
        .zip(&team)
        .map(|(o, m)| {
            let on_disk = values(&read_answers(framework, &m.file).unwrap());
            let mut acked: BTreeMap<String, String> = o.acked.clone();
            if let Some((id, value, note)) = &o.in_flight
                && on_disk.get(id) == Some(value)
            {
                acked.insert(id.clone(), value.clone());
                let mut notes = o.notes.clone();
                if let Some(note) = note {
                    notes.insert(id.clone(), note.clone());
                }
                return Outcome {
                    acked,
                    notes,
                    ..Outcome::new(&o.who)
                };
            }
            Outcome {
                acked,
                notes: o.notes.clone(),
                ..Outcome::new(&o.who)
            }
        })
        .collect();
    let resumed = run_all(&server.base, &team, &Arc::new(AtomicUsize::new(0)), &earlier);
    for outcome in &resumed {
        if let Some(error) = &outcome.error {
            panic!(
                "{}: could not finish after the restart: {error}\nserver log:\n{}",
                outcome.who,
                server.log_text()
            );
        }
        assert!(outcome.finished, "{} did not finish after the restart", outcome.who);
    }
    let (lost, checked) = verify(framework, &team, &resumed, false);
    let left = leftover_files(&data);
    println!("   then every respondent resumed and finished: {checked} files checked, answers lost or changed: {lost}");
    println!(
        "   temporary files left once the folders were written to again (the next write removes a dead process's): {left}"
    );
    assert_eq!(lost, 0);
    assert_eq!(
        left, 0,
        "the temporary files of the killed server stay beside the answers files"
    );
    let status = server.terminate();
    assert!(status.success(), "SIGTERM ends the server cleanly: {status}");
}

/// One simulated respondent: who, their link, and their answers file.
#[derive(Debug, Clone)]
struct Member {
    who: String,
    link: String,
    file: std::path::PathBuf,
    seed: usize,
}

/// What one respondent's run saw.
#[derive(Debug, Clone, Default)]
struct Outcome {
    who: String,
    /// Answers acknowledged with a 303, by question id.
    acked: BTreeMap<String, String>,
    /// Notes acknowledged with their answer, by question id.
    notes: BTreeMap<String, String>,
    /// The answer posted when the connection failed (question, value, note): it may or may
    /// not be on disk.
    in_flight: Option<(String, String, Option<String>)>,
    /// The timeline's dates acknowledged (training's day, the submission deadline), when
    /// the respondent saved them.
    timeline: Option<(String, String)>,
    /// Latency of each save (POST to 303).
    saves: Vec<Duration>,
    /// Latency of each page (GET).
    pages: Vec<Duration>,
    finished: bool,
    error: Option<String>,
}

impl Outcome {
    fn new(who: &str) -> Outcome {
        Outcome {
            who: who.to_string(),
            ..Outcome::default()
        }
    }
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .max_redirects(0)
        .max_redirects_will_error(false)
        .http_status_as_error(false)
        .timeout_global(Some(REQUEST_TIMEOUT))
        .build()
        .into()
}

/// A response: status, `Location`, body.
struct Reply {
    status: u16,
    location: Option<String>,
    body: String,
}

fn reply(response: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Result<Reply, String> {
    let mut response = response.map_err(|e| e.to_string())?;
    let location = response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .map(str::to_string);
    let body = response.body_mut().read_to_string().map_err(|e| e.to_string())?;
    Ok(Reply {
        status: response.status().as_u16(),
        location,
        body,
    })
}

fn get(agent: &ureq::Agent, url: &str) -> Result<Reply, String> {
    reply(agent.get(url).call())
}

fn post(agent: &ureq::Agent, url: &str, form: &[(&str, &str)]) -> Result<Reply, String> {
    reply(agent.post(url).send_form(form.iter().copied()))
}

/// An absolute URL from an address in a page or a `Location` header.
fn absolute(base: &str, href: &str) -> String {
    if href.starts_with("http://") {
        href.to_string()
    } else {
        format!("{base}{href}")
    }
}

fn select(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| {
            e.value()
                .attr("value")
                .or(e.value().attr("href"))
                .or(e.value().attr("action"))
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

fn texts(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>().trim().to_string())
        .collect()
}

/// Creates the assessments and their respondents through the admin pages, as the admin's
/// browser would; returns every respondent.
fn setup(server: &Server, count: usize) -> Vec<Member> {
    let agent = agent();
    let mut team = Vec::new();
    for a in 0..count.div_ceil(PER_ASSESSMENT) {
        let home = get(&agent, &server.admin).unwrap();
        assert_eq!(home.status, 200, "the admin page opens");
        let page = Html::parse_document(&home.body);
        let csrf = select(&page, "form input[name=csrf]").remove(0);
        let action = select(&page, "form[method=post]").remove(0);
        let organization = format!("District {} \"load\" & <test>", a + 1);
        let mut form = vec![("csrf", csrf.as_str()), ("organization", organization.as_str())];
        if !select(&page, "select[name='profile.org_type']").is_empty() {
            form.push(("profile.org_type", "district"));
        }
        let created = post(&agent, &absolute(&server.base, &action), &form).unwrap();
        assert_eq!(
            created.status, 303,
            "creating an assessment redirects: {}",
            created.body
        );
        let page_url = absolute(&server.base, created.location.as_deref().unwrap());
        let id = page_url.rsplit('/').next().unwrap().to_string();
        let in_this = PER_ASSESSMENT.min(count - a * PER_ASSESSMENT);
        for r in 0..in_this {
            let page = Html::parse_document(&get(&agent, &page_url).unwrap().body);
            let csrf = select(&page, "form input[name=csrf]").remove(0);
            let action = select(&page, "form[method=post]").remove(0);
            let name = format!("Respondent {}-{}", a + 1, r + 1);
            let added = post(
                &agent,
                &absolute(&server.base, &action),
                &[("csrf", &csrf), ("name", &name), ("role", "Principal")],
            )
            .unwrap();
            assert_eq!(added.status, 303, "adding a respondent redirects: {}", added.body);
        }
        let page = Html::parse_document(&get(&agent, &page_url).unwrap().body);
        let links = texts(&page, ".respondent-link");
        assert_eq!(
            links.len(),
            in_this,
            "the assessment page lists every respondent's link"
        );
        for (r, link) in links.into_iter().enumerate() {
            let token = link.rsplit('/').next().unwrap();
            let file = answers_path(&server.data, &id, token);
            team.push(Member {
                who: format!("respondent {}-{}", a + 1, r + 1),
                link,
                file,
                seed: team.len(),
            });
        }
    }
    team
}

/// Runs every respondent on its own thread at once; `earlier` holds what each had been
/// acknowledged before (when resuming), in the same order.
fn run_all(base: &str, team: &[Member], acked: &Arc<AtomicUsize>, earlier: &[Outcome]) -> Vec<Outcome> {
    let handles: Vec<_> = team
        .iter()
        .enumerate()
        .map(|(i, member)| {
            let base = base.to_string();
            let member = member.clone();
            let acked = Arc::clone(acked);
            let mut outcome = earlier.get(i).cloned().unwrap_or_else(|| Outcome::new(&member.who));
            outcome.finished = false;
            std::thread::Builder::new()
                .stack_size(256 * 1024)
                .spawn(move || {
                    if let Err(error) = respond(&base, &member, &acked, &mut outcome) {
                        outcome.error = Some(error);
                    }
                    outcome
                })
                .unwrap()
        })
        .collect();
    handles.into_iter().map(|h| h.join().unwrap()).collect()
}

/// The question's form, as a browser without script sees it.
struct Question {
    action: String,
    csrf: String,
    radios: Vec<String>,
    number: Option<(i64, i64)>,
}

fn question_form(body: &str) -> Result<Question, String> {
    let page = Html::parse_document(body);
    let csrf = select(&page, "form input[name=csrf]").pop().ok_or("no csrf field")?;
    let action = select(&page, "form[method=post]").pop().ok_or("no form")?;
    let radios = select(&page, "input[type=radio][name=answer]");
    let number = Selector::parse("input[type=number][name=answer]").unwrap();
    let number = page.select(&number).next().map(|e| {
        let bound = |a: &str, d: i64| e.value().attr(a).and_then(|v| v.parse().ok()).unwrap_or(d);
        (bound("min", 0), bound("max", 100_000))
    });
    Ok(Question {
        action,
        csrf,
        radios,
        number,
    })
}

/// One respondent's whole survey, from their link to the end.
fn respond(base: &str, member: &Member, acked: &AtomicUsize, outcome: &mut Outcome) -> Result<(), String> {
    let agent = agent();
    let timed_get = |url: &str, outcome: &mut Outcome| -> Result<Reply, String> {
        let start = Instant::now();
        let reply = get(&agent, url)?;
        outcome.pages.push(start.elapsed());
        if reply.status != 200 {
            return Err(format!("GET {url}: status {}", reply.status));
        }
        Ok(reply)
    };
    let welcome = timed_get(&member.link, outcome)?;
    let page = Html::parse_document(&welcome.body);
    let mut url = match select(&page, "a.button").first() {
        Some(start) => absolute(base, start),
        // Nothing left to answer (finished before a restart): the summary is all there is.
        None => match select(&page, "a[href$='/done']").first() {
            Some(done) => absolute(base, done),
            None => return Err("the welcome page has no Start, Continue or summary link".into()),
        },
    };
    for page in 0..MAX_PAGES {
        if url.ends_with("/done") {
            timed_get(&url, outcome)?;
            outcome.finished = true;
            return Ok(());
        }
        let reply = timed_get(&url, outcome)?;
        if url.ends_with("/timeline") {
            url = save_timeline(&agent, base, member, &reply.body, outcome)?;
            continue;
        }
        let question = question_form(&reply.body)?;
        let id = url.rsplit('/').next().unwrap_or_default().to_string();
        let value = if !question.radios.is_empty() {
            question.radios[(member.seed * 7 + page * 3) % question.radios.len()].clone()
        } else if let Some((min, max)) = question.number {
            (min + (member.seed as i64 * 37) % (max - min + 1).max(1)).to_string()
        } else {
            format!("Réponse {} «{}» <b>&amp;</b> \"quoted\"", member.seed, page)
        };
        let note = (page % 4 == 1).then(|| {
            format!(
                "Note {}/{page}: «evidence» & <i>\"quotes\"</i>\nsecond line",
                member.seed
            )
        });
        let mut form = vec![
            ("csrf", question.csrf.as_str()),
            ("answer", value.as_str()),
            ("action", "next"),
        ];
        if let Some(note) = &note {
            form.push(("note", note));
        }
        let start = Instant::now();
        outcome.in_flight = Some((id.clone(), value.clone(), note.clone()));
        let saved = post(&agent, &absolute(base, &question.action), &form)?;
        outcome.saves.push(start.elapsed());
        if saved.status != 303 {
            return Err(format!(
                "saving {id} = {value:?}: status {}: {}",
                saved.status, saved.body
            ));
        }
        outcome.in_flight = None;
        outcome.acked.insert(id.clone(), value);
        match note {
            Some(note) => outcome.notes.insert(id, note),
            None => outcome.notes.remove(&id),
        };
        acked.fetch_add(1, Ordering::SeqCst);
        url = absolute(base, saved.location.as_deref().ok_or("a 303 without Location")?);
    }
    Err(format!("more than {MAX_PAGES} pages"))
}

/// Saves dates on the timeline page offered after its question (a training day and a
/// submission deadline, from the respondent's seed); returns the address to go on to.
fn save_timeline(
    agent: &ureq::Agent,
    base: &str,
    member: &Member,
    body: &str,
    outcome: &mut Outcome,
) -> Result<String, String> {
    let page = Html::parse_document(body);
    let csrf = select(&page, "form input[name=csrf]")
        .pop()
        .ok_or("the timeline page has no csrf field")?;
    let action = select(&page, "form[method=post]")
        .pop()
        .ok_or("the timeline page has no form")?;
    let day = 1 + member.seed % 28;
    let training = format!("2027-02-{day:02}");
    let deadline = format!("2027-05-{day:02}");
    let form = [
        ("csrf", csrf.as_str()),
        ("action", "save"),
        ("training.start", training.as_str()),
        ("submission_deadline.start", deadline.as_str()),
    ];
    let start = Instant::now();
    let saved = post(agent, &absolute(base, &action), &form)?;
    outcome.saves.push(start.elapsed());
    // Saved: the page says what the dates show (some activities have none) and links on.
    let next = match saved.status {
        303 => saved.location.clone(),
        200 => select(&Html::parse_document(&saved.body), "[role=status] a.button").pop(),
        _ => None,
    };
    let next = next.ok_or_else(|| format!("saving the timeline: status {}: {}", saved.status, saved.body))?;
    outcome.timeline = Some((training, deadline));
    Ok(absolute(base, &next))
}

/// Compares every respondent's file with what they were acknowledged. With `crashed`, an
/// answer in flight at the kill may be on disk too. Returns (answers lost or changed, files
/// checked); a file that does not parse fails the run.
fn verify(framework: &Framework, team: &[Member], outcomes: &[Outcome], crashed: bool) -> (usize, usize) {
    let mut lost = 0;
    for (member, outcome) in team.iter().zip(outcomes) {
        let answers = read_answers(framework, &member.file)
            .unwrap_or_else(|e| panic!("{}: the answers file is not valid: {e}", member.who));
        let mut on_disk = values(&answers);
        on_disk.remove("profile.organization");
        on_disk.remove("profile.org_type");
        for (id, value) in &outcome.acked {
            if on_disk.get(id) != Some(value) {
                eprintln!(
                    "{}: acknowledged {id} = {value:?}, on disk {:?}",
                    member.who,
                    on_disk.get(id)
                );
                lost += 1;
            }
            if answers.notes.get(id) != outcome.notes.get(id) {
                eprintln!(
                    "{}: acknowledged note on {id} {:?}, on disk {:?}",
                    member.who,
                    outcome.notes.get(id),
                    answers.notes.get(id)
                );
                lost += 1;
            }
        }
        if let Some((training, deadline)) = &outcome.timeline {
            let day = |id: &str| answers.timeline.get(id).map(|d| d.start.to_string());
            if day("training").as_ref() != Some(training) || day("submission_deadline").as_ref() != Some(deadline) {
                eprintln!(
                    "{}: acknowledged the timeline's training {training} and deadline {deadline}, on disk {:?} and {:?}",
                    member.who,
                    day("training"),
                    day("submission_deadline")
                );
                lost += 1;
            }
        }
        for (id, value) in &on_disk {
            let acknowledged = outcome.acked.get(id) == Some(value);
            let in_flight = crashed
                && outcome
                    .in_flight
                    .as_ref()
                    .is_some_and(|(i, v, _)| i == id && v == value);
            assert!(
                acknowledged || in_flight,
                "{}: {id} = {value:?} is on disk but was never sent: a corrupted file\n{}",
                member.who,
                std::fs::read_to_string(&member.file).unwrap_or_default()
            );
        }
    }
    (lost, team.len())
}

/// Runs `readiness assess` on every answers file of the data folder, and `readiness assess
/// --team` on every assessment's folder; returns how many files.
fn assess_every_file(data: &Path) -> usize {
    let mut count = 0;
    for assessment in std::fs::read_dir(data.join("assessments")).unwrap() {
        let answers = assessment.unwrap().path().join("answers");
        let Ok(files) = std::fs::read_dir(&answers) else {
            continue;
        };
        // The team's combined assessment, as the consultant runs it on the folder.
        let team = std::process::Command::new(BIN)
            .args(["assess", "--team", "--format", "json"])
            .arg(&answers)
            .output()
            .unwrap();
        assert!(
            team.status.success(),
            "`readiness assess --team {}` fails after the crash: {}",
            answers.display(),
            String::from_utf8_lossy(&team.stderr)
        );
        for file in files {
            let file = file.unwrap().path();
            let name = file.file_name().unwrap().to_string_lossy().to_string();
            if !name.ends_with(".toml") {
                // A temporary file left by the kill is not an answers file; `readiness`
                // never reads it.
                continue;
            }
            let out = std::process::Command::new(BIN)
                .arg("assess")
                .arg(&file)
                .arg("--format")
                .arg("json")
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "`readiness assess {}` fails after the crash: {}",
                file.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            count += 1;
        }
    }
    count
}

/// Files in the answers folders that are not answers files (`.toml`): temporary files a
/// save was writing when the server was killed.
fn leftover_files(data: &Path) -> usize {
    std::fs::read_dir(data.join("assessments"))
        .unwrap()
        .filter_map(|a| std::fs::read_dir(a.unwrap().path().join("answers")).ok())
        .flatten()
        .filter(|f| !f.as_ref().unwrap().file_name().to_string_lossy().ends_with(".toml"))
        .count()
}

/// "p50 x ms, p99 y ms, max z ms".
fn summary(latencies: &mut [Duration]) -> String {
    latencies.sort();
    let at = |q: f64| {
        let i = ((latencies.len() as f64 - 1.0) * q).round() as usize;
        latencies.get(i).copied().unwrap_or_default().as_secs_f64() * 1000.0
    };
    format!(
        "{} requests, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
        latencies.len(),
        at(0.5),
        at(0.99),
        at(1.0)
    )
}
