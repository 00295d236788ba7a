//! Test support for `scripts/soak-files.sh` (not part of the product): saves a project in a loop
//! so the script can kill it mid-save, or once to produce reference bytes and the "next save".
//!
//! ```text
//! soak_save write PATH a|b   # save version a or b of the soak project to PATH, once
//! soak_save loop PATH        # save a, b, a, b, … to PATH until killed
//! ```
//!
//! The two versions are the saas example with a long answer (about 2.5 MB in all, like the
//! largest projects the review measured), differing in their first characters, so every save
//! replaces the whole file and the .bak.

use std::path::Path;
use std::process::ExitCode;

use policywright::model::Project;
use policywright::project_file;

/// Bytes of filler text in each version.
const FILLER: usize = 2_500_000;

fn version(name: &str) -> Result<Project, String> {
    let text = policywright::examples::example("saas").ok_or("no saas example")?;
    let mut project =
        project_file::parse(text, Path::new("saas.policy.json")).map_err(|e| e.to_string())?;
    let letter = match name {
        "a" => 'A',
        "b" => 'B',
        other => return Err(format!("unknown version `{other}`; use a or b")),
    };
    project.organisation.legal_name = format!("Version {letter} {}", "x".repeat(FILLER));
    Ok(project)
}

fn run(args: &[String]) -> Result<(), String> {
    let save = |project: &Project, path: &Path| {
        project_file::save(project, path, "soak").map_err(|e| e.to_string())
    };
    match args {
        [cmd, path, name] if cmd == "write" => save(&version(name)?, Path::new(path)),
        [cmd, path] if cmd == "loop" => {
            let versions = [version("a")?, version("b")?];
            for project in versions.iter().cycle() {
                save(project, Path::new(path))?;
            }
            Ok(())
        }
        _ => Err("usage: soak_save write PATH a|b | soak_save loop PATH".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("soak_save: {message}");
            ExitCode::from(2)
        }
    }
}
