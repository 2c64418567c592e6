//! A team's answers combined into one file (`readiness combine -o`) keep what each
//! respondent wrote beside their answers: the notes, said whose they are, and the team's
//! action plan and timeline, so the combined file plans and reports as the originals do.

mod common;

use common::{readiness, sample, stdout};

#[test]
fn a_combined_file_keeps_the_notes_the_action_plan_and_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let original = std::fs::read_to_string(sample("preparing-district.toml")).unwrap();
    // Two respondents of the same district: the first brings the plan and the timeline,
    // the second only answers, with a note on an answer they see differently.
    let first = original.replacen(
        "[profile]",
        "[respondent]\nname = \"Dana Whitfield\"\nrole = \"Superintendent\"\n\n[profile]",
        1,
    );
    let first = first.replacen(
        "goals = \"yes\"",
        "goals = { answer = \"yes\", note = \"Board \\\"approved\\\" them in May\" }",
        1,
    );
    let second: String = original
        .split("\n[action_plan")
        .next()
        .unwrap()
        .split("\n[timeline]")
        .next()
        .unwrap()
        .replacen("[profile]", "[respondent]\nname = \"Luis Ortega\"\n\n[profile]", 1)
        .replacen(
            "goals = \"yes\"",
            "goals = { answer = \"partly\", note = \"Staff not yet consulted\" }",
            1,
        );
    assert!(
        first.contains("[action_plan") && first.contains("[timeline]"),
        "the sample plans"
    );
    assert!(!second.contains("[action_plan") && !second.contains("[timeline]"));
    std::fs::write(dir.path().join("dana.toml"), &first).unwrap();
    std::fs::write(dir.path().join("luis.toml"), &second).unwrap();

    let out = readiness(dir.path(), &["combine", "dana.toml", "luis.toml", "-o", "team.toml"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let team = std::fs::read_to_string(dir.path().join("team.toml")).unwrap();
    assert!(
        team.contains(
            "goals = { answer = \"partly\", note = 'Dana Whitfield (Superintendent): Board \"approved\" them in May; Luis Ortega: Staff not yet consulted' } # 1 yes, 1 partly"
        ),
        "{team}"
    );

    // The combined file plans as the first respondent's did: the same owners, due dates,
    // statuses and timeline.
    let plan = |file: &str| -> serde_json::Value {
        let out = readiness(
            dir.path(),
            &["plan", file, "--date", "2026-01-15", "--format", "json", "--all"],
        );
        assert!(out.status.success(), "{file}: {}", common::stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let (mine, ours) = (plan("dana.toml"), plan("team.toml"));
    let planned = |p: &serde_json::Value| -> Vec<(String, String, String, String)> {
        p["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| !i["owner"].is_null() || !i["due"].is_null())
            .map(|i| {
                (
                    i["id"].to_string(),
                    i["owner"].to_string(),
                    i["due"].to_string(),
                    i["status"].to_string(),
                )
            })
            .collect()
    };
    assert!(!planned(&mine).is_empty());
    assert!(!planned(&ours).is_empty(), "the combined file has an action plan");
    // Items the team's answers make open are planned as the first respondent planned them.
    for item in planned(&ours) {
        assert!(planned(&mine).contains(&item), "{item:?} not in {:?}", planned(&mine));
    }
    assert_eq!(
        mine["timeline"]["activities"], ours["timeline"]["activities"],
        "the same timeline"
    );
    // And the report shows the notes, whose they are.
    let report = stdout(&readiness(dir.path(), &["assess", "team.toml", "--date", "2026-01-15"]));
    let words = report.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("Luis Ortega: Staff not yet consulted"), "{report}");
}
