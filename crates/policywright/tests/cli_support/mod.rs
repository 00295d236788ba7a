//! Running the `policywright` binary as a user would, for the command-line tests.

#![allow(dead_code)] // each test file uses its own subset

use std::path::Path;
use std::process::{Command, Output};

/// Runs the CLI with `args` and returns what it printed and its status.
pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_policywright"))
        .args(args)
        .output()
        .expect("runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs the CLI, asserts it succeeded and returns its standard output.
pub fn ok(args: &[&str]) -> String {
    let out = run(args);
    assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    stdout(&out)
}

/// Writes the named example project into `dir` with `policywright new` and returns its path.
pub fn write_example(dir: &Path, name: &str) -> String {
    let out = run(&["new", "--example", name]);
    assert!(out.status.success());
    let path = dir.join(format!("{name}.policy.json"));
    std::fs::write(&path, &out.stdout).unwrap();
    path.to_string_lossy().into_owned()
}
