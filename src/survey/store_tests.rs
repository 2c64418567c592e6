//! Unit tests of the answers file a survey keeps.

use super::*;
use crate::test_support::{choice, ctq};

#[test]
fn a_new_file_names_the_framework_and_takes_answers_in_order() {
    let fw = ctq();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    let (mut file, answers) = AnswersFile::open(
        &path,
        &fw,
        "readiness survey",
        "readiness assess --answers answers.toml",
    )
    .unwrap();
    assert!(answers.values.is_empty());
    file.set(
        "profile.organization",
        Some(&AnswerValue::Text("Nazareth \"Area\"".into())),
    );
    file.set("profile.educators", Some(&AnswerValue::Integer(320)));
    file.set("why.goals", Some(&choice("partly")));
    file.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# Answers for \""), "{text}");
    assert!(text.contains("# Go on answering with: readiness survey\n"), "{text}");
    assert!(
        text.contains("# Assess the answers with: readiness assess --answers answers.toml\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "[framework]\nid = \"ctq\"\nversion = \"{}\"\n\n[profile]\n",
            fw.version
        )),
        "{text}"
    );
    assert!(
        text.ends_with("[profile]\norganization = 'Nazareth \"Area\"'\neducators = 320\n\n[why]\ngoals = \"partly\"\n"),
        "{text}"
    );
    // What was saved reads back as the same answers (once the survey is done with it).
    drop(file);
    let (_, again) = AnswersFile::open(
        &path,
        &fw,
        "readiness survey",
        "readiness assess --answers answers.toml",
    )
    .unwrap();
    assert_eq!(again.get("profile.educators"), Some(&AnswerValue::Integer(320)));
    assert_eq!(again.get("why.goals"), Some(&choice("partly")));
}

#[test]
fn comments_and_layout_survive_changes() {
    let fw = ctq();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    let original = "# Our answers, kept by hand.\n\n\
                    [profile]\n\
                    # who we are\n\
                    organization   = \"Lakeside\"   # the official name\n\
                    org_type = \"district\"\n\n\
                    # Phase one: see the minutes of 3 May\n\
                    [why]\n\
                    goals = \"no\" # to discuss\n\
                    capacity = \"done\"\n";
    std::fs::write(&path, original).unwrap();
    let (mut file, answers) = AnswersFile::open(
        &path,
        &fw,
        "readiness survey",
        "readiness assess --answers answers.toml",
    )
    .unwrap();
    assert_eq!(answers.values.len(), 4);
    file.set("why.goals", Some(&choice("yes")));
    file.set("why.capacity", None);
    file.set("why.possibilities", Some(&choice("partly")));
    file.set("how.fee_based", Some(&choice("no")));
    file.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        "# Our answers, kept by hand.\n\n\
         [profile]\n\
         # who we are\n\
         organization   = \"Lakeside\"   # the official name\n\
         org_type = \"district\"\n\n\
         # Phase one: see the minutes of 3 May\n\
         [why]\n\
         goals = \"yes\" # to discuss\n\
         possibilities = \"partly\"\n\n\
         [how]\n\
         fee_based = \"no\"\n"
    );
}

#[test]
fn dotted_keys_and_inline_tables_are_edited_where_they_are() {
    let fw = ctq();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    std::fs::write(
        &path,
        "profile.organization = \"Lakeside\"\nprofile.org_type = \"school\"\nwhy = { goals = \"no\" }\n",
    )
    .unwrap();
    let (mut file, _) = AnswersFile::open(
        &path,
        &fw,
        "readiness survey",
        "readiness assess --answers answers.toml",
    )
    .unwrap();
    file.set("profile.org_type", Some(&choice("district")));
    file.set("why.goals", Some(&choice("yes")));
    let text = file.text();
    assert!(text.contains("profile.org_type = \"district\""), "{text}");
    assert!(text.contains("goals = \"yes\""), "{text}");
    assert!(text.starts_with("profile.organization = \"Lakeside\"\n"), "{text}");
}

#[test]
fn an_invalid_file_is_reported_and_left_alone() {
    let fw = ctq();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    std::fs::write(&path, "[why]\ngoals = \"maybe\"\n").unwrap();
    match AnswersFile::open(
        &path,
        &fw,
        "readiness survey",
        "readiness assess --answers answers.toml",
    ) {
        Err(OpenError::Invalid(d)) => {
            let text = d.to_string();
            assert!(text.contains("answers.toml:2:9"), "{text}");
            assert!(text.contains("not an allowed value"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    std::fs::write(&path, "[why\n").unwrap();
    assert!(matches!(
        AnswersFile::open(
            &path,
            &fw,
            "readiness survey",
            "readiness assess --answers answers.toml"
        ),
        Err(OpenError::Invalid(_))
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "[why\n");
}

#[test]
fn missing_required_answers_do_not_stop_a_file_being_filled_in() {
    let fw = ctq();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    std::fs::write(&path, "[profile]\norganization = \"Lakeside\"\n").unwrap();
    let (_, answers) = AnswersFile::open(
        &path,
        &fw,
        "readiness survey",
        "readiness assess --answers answers.toml",
    )
    .unwrap();
    assert_eq!(answers.values.len(), 1);
}

#[test]
fn a_second_survey_on_the_same_file_is_refused_while_the_first_runs() {
    let fw = ctq();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    let open = || AnswersFile::open(&path, &fw, "readiness survey", "readiness assess answers.toml");
    let (mut first, _) = open().unwrap();
    match open() {
        Err(OpenError::Io(message)) => assert!(message.contains("another readiness survey"), "{message}"),
        other => panic!("{other:?}"),
    }
    first.set("profile.organization", Some(&AnswerValue::Text("Lakeside".into())));
    first.save().unwrap();
    drop(first);
    let (mut second, answers) = open().unwrap();
    assert_eq!(answers.values.len(), 1, "the first survey's answer is there");
    second.set("why.goals", Some(&choice("yes")));
    second.save().unwrap();
    drop(second);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("organization = \"Lakeside\""), "{text}");
    assert!(text.contains("goals = \"yes\""), "{text}");
    // Nothing is left beside the file: no lock, no temporary file.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[cfg(unix)]
#[test]
fn a_linked_answers_file_is_written_through_the_link() {
    let fw = ctq();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("real.toml");
    std::fs::write(&target, "[profile]\norganization = \"Lakeside\"\n").unwrap();
    let link = dir.path().join("answers.toml");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (mut file, _) = AnswersFile::open(&link, &fw, "readiness survey", "readiness assess").unwrap();
    file.set("why.goals", Some(&choice("yes")));
    file.save().unwrap();
    assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
    assert!(std::fs::read_to_string(&target).unwrap().contains("goals = \"yes\""));
}

#[test]
fn a_folder_cannot_be_read() {
    let fw = ctq();
    let dir = tempfile::tempdir().unwrap();
    assert!(matches!(
        AnswersFile::open(
            dir.path(),
            &fw,
            "readiness survey",
            "readiness assess --answers answers.toml"
        ),
        Err(OpenError::Io(_))
    ));
}

#[test]
fn a_note_goes_with_its_answer_and_stays_when_the_answer_changes() {
    let fw = ctq();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    std::fs::write(&path, "[why]\n# ours\ngoals = \"partly\" # kept\n").unwrap();
    let (mut file, _) = AnswersFile::open(&path, &fw, "r", "a").unwrap();
    file.set_note("why.goals", Some("Board approved"));
    assert!(
        file.text()
            .contains("goals = { answer = \"partly\", note = \"Board approved\" }"),
        "{}",
        file.text()
    );
    file.set("why.goals", Some(&choice("yes")));
    assert_eq!(file.note("why.goals").as_deref(), Some("Board approved"));
    assert!(file.text().contains("answer = \"yes\""), "{}", file.text());
    assert!(file.text().contains("# ours\n"), "{}", file.text());
    file.set_note("why.goals", Some("  "));
    assert!(file.text().contains("goals = \"yes\""), "{}", file.text());
    assert_eq!(file.note("why.goals"), None);
    // No answer, no note.
    file.set_note("why.possibilities", Some("n"));
    assert!(!file.text().contains("possibilities"), "{}", file.text());
    file.save().unwrap();
    drop(file);
    let (_, again) = AnswersFile::open(&path, &fw, "r", "a").unwrap();
    assert_eq!(again.get("why.goals"), Some(&choice("yes")));
}

#[test]
fn an_action_plan_entry_is_added_changed_and_taken_out_whole() {
    let fw = ctq();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.toml");
    let (mut file, _) = AnswersFile::open(&path, &fw, "resume", "assess").unwrap();
    file.set("how.recruitment", Some(&choice("in_progress")));
    let mut entry = crate::answers::PlanEntry {
        owner: Some("Dana \"D\" Whitfield".into()),
        due: Some("2026-03-01".parse().unwrap()),
        status: None,
    };
    file.set_plan("how.recruitment", &entry);
    file.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.ends_with(
            "[how]\nrecruitment = \"in_progress\"\n\n[action_plan.\"how.recruitment\"]\nowner = 'Dana \"D\" Whitfield'\ndue = 2026-03-01\n"
        ),
        "{text}"
    );
    // The file reads back with the entry as written.
    let (_, answers) = {
        drop(file);
        AnswersFile::open(&path, &fw, "resume", "assess").unwrap()
    };
    assert_eq!(answers.plan["how.recruitment"], entry);
    let (mut file, _) = AnswersFile::open(&dir.path().join("other.toml"), &fw, "r", "a").unwrap();
    file.set("how.recruitment", Some(&choice("in_progress")));
    entry.status = Some("Flyers out".into());
    file.set_plan("how.recruitment", &entry);
    file.set_plan("how.recruitment", &crate::answers::PlanEntry::default());
    assert!(!file.text().contains("action_plan"), "{}", file.text());
}
