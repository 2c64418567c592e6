//! The CSV `readiness` writes is read back by Python's csv module, the reader most
//! spreadsheet pipelines use, cell for cell as the JSON output says. (LibreOffice opens the
//! same files in `scripts/spreadsheet-check.sh`.)

use std::path::Path;
use std::process::Command;

fn readiness(dir: &Path, args: &[&str]) -> (String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_readiness"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.success())
}

/// The rows of a CSV text as Python's csv module reads them.
fn python_rows(csv: &str) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.csv");
    std::fs::write(&path, csv).unwrap();
    let out = Command::new("python3")
        .args([
            "-c",
            "import csv, json, sys\nwith open(sys.argv[1], newline='', encoding='utf-8') as f:\n    print(json.dumps(list(csv.reader(f, strict=True))))",
        ])
        .arg(&path)
        .output()
        .expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn action_items_read_back_as_the_assessment_says() {
    let sample = "samples/preparing-district.toml";
    let (csv, ok) = readiness(root(), &["assess", sample, "--format", "csv"]);
    assert!(ok);
    let (json, _) = readiness(root(), &["assess", sample, "--format", "json"]);
    let a: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = python_rows(&csv);
    assert_eq!(rows[0], ["phase", "type", "priority", "title", "resources", "status"]);
    let recommendations = a["recommendations"].as_array().unwrap();
    let tasks = a["remaining_tasks"].as_array().unwrap();
    assert_eq!(rows.len(), 1 + recommendations.len() + tasks.len());
    for (row, r) in rows[1..].iter().zip(recommendations) {
        assert_eq!(row[1], "recommendation");
        assert_eq!(row[2], r["priority"].as_str().unwrap());
        assert_eq!(row[3], r["title"].as_str().unwrap());
        for resource in r["resources"].as_array().unwrap() {
            assert!(row[4].contains(resource["title"].as_str().unwrap()), "{row:?}");
        }
    }
    for (row, t) in rows[1 + recommendations.len()..].iter().zip(tasks) {
        assert_eq!(row[1], "task");
        assert_eq!(row[3], t["title"].as_str().unwrap());
        let status = match t["status"].as_str().unwrap() {
            "unanswered" => "not yet answered".to_string(),
            other => other.replace('_', " "),
        };
        assert_eq!(row[5], status);
    }
}

#[test]
fn a_portfolio_reads_back_cell_for_cell_with_awkward_names() {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "Birch Falls, \"North\" District",
        "Line one\nline two",
        "=SUM(A1:A9)",
        "Plain School",
    ];
    for (i, name) in names.iter().enumerate() {
        let escaped = name.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
        std::fs::write(
            dir.path().join(format!("org-{i}.toml")),
            format!("[profile]\norganization = \"{escaped}\"\norg_type = \"district\"\neducators = {}\n\n[why]\ngoals = \"yes\"\n", 100 + i),
        )
        .unwrap();
    }
    std::fs::write(dir.path().join("org-9.toml"), "[profile\n").unwrap();
    let (csv, ok) = readiness(dir.path(), &["batch", "."]);
    assert!(!ok, "a file that cannot be assessed makes the batch fail");
    let rows = python_rows(&csv);
    assert_eq!(rows.len(), 1 + names.len() + 1, "{rows:?}");
    let header = &rows[0];
    assert_eq!(header[0], "file");
    assert_eq!(header.last().unwrap(), "error");
    for row in &rows {
        assert_eq!(row.len(), header.len(), "{row:?}");
    }
    for (i, name) in names.iter().enumerate() {
        let row = &rows[1 + i];
        assert_eq!(row[0], format!("./org-{i}.toml"));
        let shown = if name.starts_with('=') {
            format!("'{name}")
        } else {
            (*name).to_string()
        };
        assert_eq!(row[1], shown);
        assert_eq!(row[3], (100 + i).to_string());
        assert_eq!(row.last().unwrap(), "");
    }
    let failed = rows.last().unwrap();
    assert_eq!(failed[0], "./org-9.toml");
    assert!(failed.last().unwrap().starts_with("./org-9.toml:1:"), "{failed:?}");
}

#[test]
fn a_batch_is_byte_identical_across_runs_and_sorted_by_path() {
    let dir = tempfile::tempdir().unwrap();
    for i in (0..300).rev() {
        std::fs::write(
            dir.path().join(format!("d{i:03}.toml")),
            format!(
                "[profile]\norganization = \"D{i}\"\norg_type = \"school\"\n\n[why]\ngoals = \"{}\"\n",
                ["yes", "no", "partly"][i % 3]
            ),
        )
        .unwrap();
    }
    for format in ["csv", "json", "markdown", "html"] {
        let (first, ok) = readiness(dir.path(), &["batch", ".", "--format", format]);
        assert!(ok);
        let (second, _) = readiness(dir.path(), &["batch", ".", "--format", format]);
        assert_eq!(first, second, "{format}");
    }
    let (csv, _) = readiness(dir.path(), &["batch", "."]);
    let files: Vec<String> = python_rows(&csv)[1..].iter().map(|r| r[0].clone()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert_eq!(files.len(), 300);
}

/// The participant survey's CSV: the documented columns, one row per question in the
/// JSON's order, options one per column, as a form tool's import reads them.
#[test]
fn the_feedback_survey_reads_back_in_the_documented_columns() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("fees.toml"),
        "[profile]\norganization = \"=Harbor, \\\"Point\\\"\"\norg_type = \"district\"\n\n[how]\nfee_based = \"yes\"\n",
    )
    .unwrap();
    let (csv, ok) = readiness(dir.path(), &["feedback-survey", "fees.toml", "--format", "csv"]);
    assert!(ok);
    let (json, _) = readiness(dir.path(), &["feedback-survey", "fees.toml", "--format", "json"]);
    let form: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = python_rows(&csv);
    let questions: Vec<&serde_json::Value> = form["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["questions"].as_array().unwrap().iter().map(move |q| (s, q)))
        .map(|(_, q)| q)
        .collect();
    let width = questions
        .iter()
        .map(|q| q["choices"].as_array().unwrap().len())
        .max()
        .unwrap();
    let mut header = vec!["id", "section", "number", "question", "type", "required", "kind"]
        .into_iter()
        .map(String::from)
        .collect::<Vec<_>>();
    header.extend((1..=width).map(|n| format!("choice {n}")));
    assert_eq!(rows[0], header);
    assert_eq!(rows.len(), 1 + questions.len());
    for (row, q) in rows[1..].iter().zip(&questions) {
        assert_eq!(row.len(), header.len(), "{row:?}");
        assert_eq!(row[0], q["id"].as_str().unwrap());
        assert_eq!(row[2], q["number"].to_string());
        assert_eq!(row[4], q["type"].as_str().unwrap());
        assert!(["Short answer", "Paragraph", "Multiple choice"].contains(&row[4].as_str()));
        assert_eq!(row[5], if q["required"].as_bool().unwrap() { "yes" } else { "no" });
        let choices: Vec<&str> = q["choices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        assert_eq!(row[7..7 + choices.len()], choices[..], "{row:?}");
        assert!(row[7 + choices.len()..].iter().all(String::is_empty), "{row:?}");
        assert_eq!(row[4] == "Multiple choice", !choices.is_empty(), "{row:?}");
    }
    // The four groups, in order; the fee question is there because the plan includes fees;
    // the organization's name, a formula-like text with a comma and quotes, stays one cell.
    let sections: Vec<&str> = rows[1..].iter().map(|r| r[1].as_str()).fold(Vec::new(), |mut v, s| {
        if v.last() != Some(&s) {
            v.push(s);
        }
        v
    });
    assert_eq!(
        sections,
        ["General questions", "The process", "The content", "The application"]
    );
    assert!(rows.iter().any(|r| r[0] == "general.fee"));
    let need = rows.iter().find(|r| r[0] == "content.need").unwrap();
    assert_eq!(
        need[3],
        "What is the level of need for that type of content in =Harbor, \"Point\"?"
    );
}
