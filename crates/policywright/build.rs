//! Rebuild the core when any template or catalogue changes: they are embedded at compile time.
fn main() {
    println!("cargo:rerun-if-changed=../../templates");
    println!("cargo:rerun-if-changed=../../examples");
}
