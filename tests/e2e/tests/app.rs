//! End-to-end tests of the real desktop app: the release-like debug binary with its embedded UI,
//! driven through WebDriver (tauri-driver → WebKitWebDriver) on a private Xvfb display.
//!
//! Needs `tauri-driver` (cargo install), `WebKitWebDriver` (webkit2gtk-driver) and `Xvfb`;
//! `scripts/install-deps.sh` installs all three, and `scripts/test.sh` builds the app first.
//! Without them the tests say so and skip. On failure they keep the driver log and a screenshot
//! in `target/e2e-artifacts/`.
#![cfg(target_os = "linux")]

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn found(tool: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
        .unwrap_or(false)
}

/// A display number no X server holds, unique within this test process (tests run in parallel).
fn free_display() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    loop {
        let n = 90 + (std::process::id() % 400) * 4 + NEXT.fetch_add(1, Ordering::SeqCst) % 1000;
        if !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            && !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
        {
            return n;
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Spawns a child that receives SIGTERM if this test process dies, so no driver outlives it
/// holding its port.
fn spawn(cmd: &mut Command) -> Child {
    // SAFETY: prctl is async-signal-safe and only changes this child's own death signal.
    unsafe {
        cmd.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
            Ok(())
        });
    }
    cmd.spawn().expect("spawns")
}

fn terminate(child: &mut Child) {
    // SIGTERM, not SIGKILL: tauri-driver must get the chance to stop WebKitWebDriver.
    unsafe {
        libc::kill(child.id() as i32, libc::SIGTERM);
    }
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if matches!(child.try_wait(), Ok(Some(_))) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
}

fn wait_for(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// A running app under Xvfb with a WebDriver session.
struct Session {
    client: Option<Client>,
    driver: Child,
    xvfb: Option<Child>,
    artifacts: PathBuf,
    name: String,
}

impl Session {
    /// Starts everything, or returns `None` (with a message) where the tools are missing.
    async fn start(name: &str) -> Option<Session> {
        for tool in ["tauri-driver", "WebKitWebDriver", "Xvfb"] {
            if !found(tool) {
                eprintln!(
                    "skipping {name}: {tool} is not installed (scripts/install-deps.sh installs it)"
                );
                return None;
            }
        }
        let app = workspace().join("target/debug/policywright-app");
        assert!(
            app.is_file(),
            "{} is missing: run `cargo build -p policywright-app` first",
            app.display()
        );
        let artifacts = workspace().join("target/e2e-artifacts");
        std::fs::create_dir_all(&artifacts).expect("artifacts folder");

        let (display, xvfb) = match std::env::var("DISPLAY") {
            Ok(d) if !d.is_empty() => (d, None),
            _ => {
                let n = free_display();
                let child = spawn(
                    Command::new("Xvfb")
                        .args([
                            &format!(":{n}"),
                            "-screen",
                            "0",
                            "1280x860x24",
                            "-nolisten",
                            "tcp",
                        ])
                        .stdout(Stdio::null())
                        .stderr(Stdio::null()),
                );
                let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
                wait_for("Xvfb", Duration::from_secs(10), || socket.exists());
                (format!(":{n}"), Some(child))
            }
        };
        let port = free_port();
        let native_port = free_port();
        let log = std::fs::File::create(artifacts.join(format!("{name}.driver.log")))
            .expect("driver log");
        let driver = spawn(
            Command::new("tauri-driver")
                .args([
                    "--port",
                    &port.to_string(),
                    "--native-port",
                    &native_port.to_string(),
                ])
                .env("DISPLAY", &display)
                .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
                .stdout(log.try_clone().expect("log"))
                .stderr(log),
        );
        // Both: tauri-driver accepts connections before its WebKitWebDriver child is listening.
        wait_for("tauri-driver", Duration::from_secs(20), || {
            TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        wait_for("WebKitWebDriver", Duration::from_secs(20), || {
            TcpStream::connect(("127.0.0.1", native_port)).is_ok()
        });

        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app }),
        );
        caps.insert("browserName".into(), serde_json::json!("wry"));
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("WebDriver session");
        Some(Session {
            client: Some(client),
            driver,
            xvfb,
            artifacts,
            name: name.to_owned(),
        })
    }

    fn client(&self) -> &Client {
        self.client.as_ref().expect("session is open")
    }

    /// Waits until `css` matches an element whose text contains `text`.
    async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if let Ok(el) = self.client().find(Locator::Css(css)).await {
                if let Ok(t) = el.text().await {
                    if t.contains(text) {
                        return t;
                    }
                }
            }
            if Instant::now() > deadline {
                self.keep_screenshot().await;
                panic!("{}: `{css}` never showed `{text}`", self.name);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    async fn keep_screenshot(&self) {
        if let Ok(png) = self.client().screenshot().await {
            let _ = std::fs::write(self.artifacts.join(format!("{}.png", self.name)), png);
        }
    }

    async fn finish(mut self) {
        if let Some(client) = self.client.take() {
            let _ = client.close().await;
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        terminate(&mut self.driver);
        if let Some(x) = self.xvfb.as_mut() {
            terminate(x);
        }
    }
}

/// Runs a test body with a hard limit, so a WebDriver call that never returns fails the test
/// instead of stalling the whole run. The session's drop stops the driver and display either way.
async fn within<F: std::future::Future<Output = ()>>(limit: Duration, body: F) {
    if tokio::time::timeout(limit, body).await.is_err() {
        panic!("the test did not finish within {limit:?}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn app_starts_and_previews_the_examples() {
    within(Duration::from_secs(90), previews_the_examples()).await;
}

async fn previews_the_examples() {
    let Some(s) = Session::start("preview").await else {
        return;
    };
    s.wait_for_text("section#summary h2", "At a glance").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    let sections = s
        .client()
        .find_all(Locator::Css("main#preview section"))
        .await
        .expect("sections");
    assert!(
        sections.len() > 20,
        "the saas example has {} sections",
        sections.len()
    );

    let select = s
        .client()
        .find(Locator::Css("select#example"))
        .await
        .expect("example picker");
    select.select_by_value("shop").await.expect("choose shop");
    s.wait_for_text(".policy-meta", "Hollybank Tea").await;
    s.wait_for_text("section#marketing", "unsubscribe").await;
    let vendors = s.wait_for_text("section#vendors", "Royal Mail").await;
    assert!(
        !vendors.contains("Amazon Web Services"),
        "sections from the previous example were replaced"
    );
    assert!(
        s.client()
            .find(Locator::Css("section#our-role"))
            .await
            .is_err(),
        "a section the shop does not need is gone"
    );
    s.finish().await;
}
