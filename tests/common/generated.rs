//! A generated rule set of any size, to check that loading, assessing and explaining stay
//! fast as rule sets grow (the scale tests and `cargo bench`).
//!
//! Questions `pK.qI` are spread over three phases; every tenth is a task, every seventh
//! after the first few is asked only when an earlier one is not `no`; each phase has two
//! gates naming three questions; each recommendation rule tests eight questions.

use std::fmt::Write;
use std::path::{Path, PathBuf};

const PHASES: usize = 3;

fn id(i: usize) -> String {
    format!("p{}.q{i}", i % PHASES)
}

fn is_task(i: usize) -> bool {
    i % 10 == 9
}

/// Writes a rule set of `questions` questions and `rules` recommendation rules into `dir`;
/// returns the manifest's path.
pub fn write_rule_set(dir: &Path, questions: usize, rules: usize) -> PathBuf {
    assert!(questions >= 30, "each phase needs a few questions");
    let mut manifest = String::from(
        "[framework]\nid = \"generated\"\nname = \"Generated\"\nversion = \"1.0.0\"\n\
         questionnaires = [\"questions.toml\"]\nrecommendations = [\"rules.toml\"]\nresources = []\ntests = []\n\n\
         [scales.answer]\nyes = 100\npartly = 50\nno = 0\n\n\
         [scales.task]\ndone = 100\nin_progress = 50\nnot_started = 0\n",
    );
    for phase in 0..PHASES {
        let first: Vec<usize> = (0..questions)
            .filter(|i| i % PHASES == phase && !is_task(*i))
            .take(6)
            .collect();
        let _ = write!(
            manifest,
            "\n[[phases]]\nid = \"p{phase}\"\nname = \"Phase {phase}\"\ngoal = \"Goal {phase}\"\nthreshold = 80\n\n\
             [[phases.gates]]\nwhen = '{} == yes and ({} in [yes, partly] or {} != no)'\nreason = \"gate one\"\n\n\
             [[phases.gates]]\nwhen = 'not ({} == no and {} == no) and {} is answered'\nreason = \"gate two\"\n",
            id(first[0]),
            id(first[1]),
            id(first[2]),
            id(first[3]),
            id(first[4]),
            id(first[5]),
        );
        for i in (0..questions).filter(|i| i % PHASES == phase) {
            let scale = if is_task(i) { "task" } else { "answer" };
            let _ = write!(
                manifest,
                "\n[[phases.scoring]]\nquestion = \"{}\"\nscale = \"{scale}\"\nweight = {}\n",
                id(i),
                i % 10 + 1
            );
        }
    }
    let mut qs = String::from(
        "[questionnaire]\nid = \"generated\"\ntitle = \"Generated\"\n\n\
         [choices.answer]\nyes = \"Yes\"\npartly = \"Partly\"\nno = \"No\"\n\n\
         [choices.task]\ndone = \"Done\"\nin_progress = \"In progress\"\nnot_started = \"Not started\"\n\n\
         [[questions]]\nid = \"profile.organization\"\nkind = \"text\"\nrole = \"profile\"\ntitle = \"Name\"\nrequired = true\n",
    );
    for i in 0..questions {
        let (role, choices) = if is_task(i) {
            ("task", "task")
        } else {
            ("big_question", "answer")
        };
        let _ = write!(
            qs,
            "\n[[questions]]\nid = \"{}\"\nkind = \"choice\"\nrole = \"{role}\"\nphase = \"p{}\"\ntitle = \"Question {i}\"\nchoices = \"{choices}\"\n",
            id(i),
            i % PHASES
        );
        if i % 7 == 6 && i >= 20 && !is_task(i - 3) {
            let _ = writeln!(qs, "when = '{} != no'", id(i - 3));
        }
    }
    let mut recs = String::new();
    let answerable: Vec<usize> = (0..questions).filter(|i| !is_task(*i)).collect();
    for r in 0..rules {
        let terms: Vec<String> = (0..8)
            .map(|t| {
                let q = id(answerable[(r * 7 + t * 13) % answerable.len()]);
                match t % 4 {
                    0 => format!("{q} == yes"),
                    1 => format!("{q} != no"),
                    2 => format!("{q} in [yes, partly]"),
                    _ => format!("{q} not in [no]"),
                }
            })
            .collect();
        let when = format!(
            "{} and ({} or {}) and not ({} and {}) and {} and ({} or {})",
            terms[0], terms[1], terms[2], terms[3], terms[4], terms[5], terms[6], terms[7]
        );
        let _ = write!(
            recs,
            "[[recommendations]]\nid = \"r{r}\"\npriority = \"medium\"\ntitle = \"Rule {r}\"\ntext = \"Do {r}.\"\nwhen = '{when}'\n\n"
        );
    }
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(dir.join("framework.toml"), manifest).unwrap();
    std::fs::write(dir.join("questions.toml"), qs).unwrap();
    std::fs::write(dir.join("rules.toml"), recs).unwrap();
    dir.join("framework.toml")
}

/// Answers to the generated rule set: a quarter unanswered, the rest half-way.
pub fn answers(questions: usize) -> String {
    let mut sections: Vec<String> = (0..PHASES).map(|p| format!("\n[p{p}]\n")).collect();
    for i in (0..questions).filter(|i| i % 4 != 0) {
        let value = if is_task(i) { "in_progress" } else { "partly" };
        let _ = writeln!(sections[i % PHASES], "q{i} = \"{value}\"");
    }
    format!("[profile]\norganization = \"Generated\"\n{}", sections.concat())
}
