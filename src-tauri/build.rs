//! Tauri's build step: reads tauri.conf.json and the capability files in src-tauri/capabilities.
fn main() {
    // tauri-build watches the capability folder only when it uses its default pattern; with ours,
    // an edited capability would not reach the next build without this.
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    let attributes =
        tauri_build::Attributes::new().capabilities_path_pattern("src-tauri/capabilities/**/*");
    if let Err(error) = tauri_build::try_build(attributes) {
        println!("cargo:warning=tauri build step failed: {error:#}");
        std::process::exit(1);
    }
}
