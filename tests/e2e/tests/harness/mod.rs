//! The harness the end-to-end tests share: a private Xvfb display, tauri-driver and
//! WebKitWebDriver, the app with its own folders and a recording `xdg-open`, and waits that fail
//! the test with a screenshot. Each test file includes it with `mod harness;`.
// Each test file uses a different part of the harness; the rest is not dead code.
#![allow(dead_code)]

mod text;
mod x11;

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{Value, json};

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn found(tool: &str) -> bool {
    std::env::var_os("PATH")
        .map(|paths| std::env::split_paths(&paths).any(|dir| dir.join(tool).is_file()))
        .unwrap_or(false)
}

/// A display number no X server holds, unique within this test process (tests run in parallel).
pub fn free_display() -> u32 {
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

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Spawns a child that receives SIGTERM if this test process dies, so no driver outlives it
/// holding its port.
pub fn spawn(cmd: &mut Command) -> Child {
    // SAFETY: prctl is async-signal-safe and only changes this child's own death signal.
    unsafe {
        cmd.pre_exec(|| {
            libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGTERM);
            Ok(())
        });
    }
    cmd.spawn().expect("spawns")
}

pub fn terminate(child: &mut Child) {
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

pub fn wait_for(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Where one test's app keeps its files: config, data (recovery), the dialog answer, exports.
pub struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    pub fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp home"),
        }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// A folder `rel` in the home, created.
    pub fn folder(&self, rel: &str) -> PathBuf {
        let dir = self.path(rel);
        std::fs::create_dir_all(&dir).expect("folder in the test home");
        dir
    }

    /// The next native dialog returns `path` (an empty string: the owner cancels).
    pub fn answer_dialog(&self, path: &Path) {
        std::fs::write(
            self.path("dialog-answer"),
            path.to_string_lossy().as_bytes(),
        )
        .expect("dialog answer");
    }

    /// What the app asked the desktop's opener (the recording `xdg-open`) to open, in order.
    pub fn opened(&self) -> Vec<String> {
        std::fs::read_to_string(self.path("opened.log"))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }
}

/// A running app under Xvfb with a WebDriver session.
pub struct Session {
    client: Option<Client>,
    driver: Child,
    xvfb: Option<Child>,
    artifacts: PathBuf,
    name: String,
    display: String,
    /// When the WebDriver session (and so the app) was requested.
    pub launched: Instant,
}

impl Session {
    /// Starts everything, or returns `None` (with a message) where the tools are missing.
    pub async fn start(name: &str, home: &Home) -> Option<Session> {
        Session::start_with(name, home, &[]).await
    }

    /// Starts, then begins a new project from one of the examples on the start screen.
    pub async fn start_from_example(name: &str, home: &Home, example: &str) -> Option<Session> {
        let s = Session::start(name, home).await?;
        s.select("select#example", example).await;
        s.click("#new-from-example").await;
        Some(s)
    }

    /// Starts with extra environment for the app (a GTK theme, say).
    pub async fn start_with(name: &str, home: &Home, env: &[(&str, &str)]) -> Option<Session> {
        Session::start_with_args(name, home, env, &[]).await
    }

    /// Starts the app with command-line arguments, as `policywright-app shop.policy.json`.
    pub async fn start_with_args(
        name: &str,
        home: &Home,
        env: &[(&str, &str)],
        args: &[&str],
    ) -> Option<Session> {
        for tool in ["tauri-driver", "WebKitWebDriver", "Xvfb"] {
            if !found(tool) {
                // On a developer's machine a missing tool skips the test; in CI it must not
                // pass unseen.
                assert!(
                    std::env::var_os("CI").is_none(),
                    "{name}: {tool} is not installed, and CI is set (scripts/install-deps.sh installs it)"
                );
                eprintln!(
                    "skipping {name}: {tool} is not installed (scripts/install-deps.sh installs it)"
                );
                return None;
            }
        }
        // POLICYWRIGHT_APP picks another build (the release figures use the release binary).
        let app = std::env::var_os("POLICYWRIGHT_APP")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace().join("target/debug/policywright-app"));
        assert!(
            app.is_file(),
            "{} is missing: run `cargo build -p policywright-app` first",
            app.display()
        );
        let artifacts = workspace().join("target/e2e-artifacts");
        std::fs::create_dir_all(&artifacts).expect("artifacts folder");

        let n = free_display();
        let xvfb = spawn(
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
        // A stand-in for the desktop's `xdg-open`, first on PATH: it records what the app asked
        // to open instead of starting a viewer.
        let bin = home.path("bin");
        std::fs::create_dir_all(&bin).expect("bin folder");
        let opener = bin.join("xdg-open");
        std::fs::write(
            &opener,
            format!(
                "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '{}'\n",
                home.path("opened.log").display()
            ),
        )
        .expect("fake xdg-open");
        std::fs::set_permissions(&opener, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .expect("make it executable");
        let path = format!(
            "{}:{}",
            bin.display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let port = free_port();
        let native_port = free_port();
        let log = std::fs::File::create(artifacts.join(format!("{name}.driver.log")))
            .expect("driver log");
        // tauri-driver starts WebKitWebDriver, which starts the app: all inherit this environment.
        let driver = spawn(
            Command::new("tauri-driver")
                .args([
                    "--port",
                    &port.to_string(),
                    "--native-port",
                    &native_port.to_string(),
                ])
                .env("DISPLAY", format!(":{n}"))
                .env("WEBKIT_DISABLE_COMPOSITING_MODE", "1")
                .env("XDG_CONFIG_HOME", home.path("config"))
                .env("XDG_DATA_HOME", home.path("data"))
                .env("POLICYWRIGHT_TEST_DIALOG", home.path("dialog-answer"))
                .env("PATH", &path)
                // No session bus: each test's app is its own first instance, instead of handing
                // its start to another test's app (tauri-plugin-single-instance finds running
                // instances over D-Bus, and launches normally without one).
                .env(
                    "DBUS_SESSION_BUS_ADDRESS",
                    "unix:path=/nonexistent/policywright-e2e",
                )
                .envs(env.iter().copied())
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
            json!({ "application": app, "args": args }),
        );
        caps.insert("browserName".into(), json!("wry"));
        let launched = Instant::now();
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .expect("WebDriver session");
        let s = Session {
            client: Some(client),
            driver,
            xvfb: Some(xvfb),
            artifacts,
            name: name.to_owned(),
            display: format!(":{n}"),
            launched,
        };
        s.wait_for("body[data-ready='true']").await;
        Some(s)
    }

    /// The X display the app shows on (`:N`), for starting another process beside it.
    pub fn display(&self) -> &str {
        &self.display
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("session is open")
    }

    pub async fn fail(&self, why: String) -> ! {
        self.keep_screenshot().await;
        panic!("{}: {why}", self.name);
    }

    /// Asks `probe` every 50 ms until it gives a value, for at most `limit`; then fails the test
    /// (with a screenshot), saying what never happened.
    pub async fn poll<T>(
        &self,
        limit: Duration,
        mut probe: impl AsyncFnMut() -> Option<T>,
    ) -> Result<T, Elapsed> {
        let deadline = Instant::now() + limit;
        loop {
            if let Some(value) = probe().await {
                return Ok(value);
            }
            if Instant::now() > deadline {
                return Err(Elapsed);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The displayed element `css` matches now, if any.
    pub async fn displayed(&self, css: &str) -> Option<Element> {
        let el = self.client().find(Locator::Css(css)).await.ok()?;
        el.is_displayed().await.unwrap_or(false).then_some(el)
    }

    /// Waits until `css` matches a displayed element.
    pub async fn wait_for(&self, css: &str) -> Element {
        match self.poll(WAIT, async || self.displayed(css).await).await {
            Ok(el) => el,
            Err(Elapsed) => self.fail(format!("`{css}` never appeared")).await,
        }
    }

    /// Waits until nothing matches `css` (or it is hidden).
    pub async fn wait_gone(&self, css: &str) {
        let gone = async || self.displayed(css).await.is_none().then_some(());
        if self.poll(WAIT, gone).await.is_err() {
            self.fail(format!("`{css}` never went away")).await;
        }
    }

    /// Waits until `css` matches an element whose text contains `text`.
    pub async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let shows = async || {
            let el = self.client().find(Locator::Css(css)).await.ok()?;
            el.text().await.ok().filter(|t| t.contains(text))
        };
        match self.poll(WAIT, shows).await {
            Ok(t) => t,
            Err(Elapsed) => self.fail(format!("`{css}` never showed `{text}`")).await,
        }
    }

    pub async fn click(&self, css: &str) {
        let el = self.wait_for(css).await;
        if let Err(e) = el.click().await {
            self.fail(format!("clicking `{css}`: {e}")).await;
        }
    }

    /// Replaces the text of an input by typing, as a person would.
    pub async fn type_into(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear().await.expect("clear");
        if let Err(e) = el.send_keys(text).await {
            self.fail(format!("typing into `{css}`: {e}")).await;
        }
    }

    /// Sets a value the way the browser's own picker would (date inputs take no typed text in
    /// WebKitWebDriver), then fires the input event the app listens to.
    pub async fn set_value(&self, css: &str, value: &str) {
        self.wait_for(css).await;
        self.client()
            .execute(
                "const el = document.querySelector(arguments[0]); el.value = arguments[1]; \
                 el.dispatchEvent(new Event('input', { bubbles: true }));",
                vec![json!(css), json!(value)],
            )
            .await
            .expect("set value");
    }

    /// Sends keys to whatever has focus (WebDriver key codes: \u{E004} is Tab, \u{E009} Control,
    /// \u{E000} releases the modifiers).
    pub async fn press(&self, keys: &str) {
        let el = self
            .client()
            .active_element()
            .await
            .expect("focused element");
        el.send_keys(keys).await.expect("send keys");
    }

    pub async fn focused_id(&self) -> String {
        let id = self
            .client()
            .execute(
                "return document.activeElement ? document.activeElement.id : '';",
                vec![],
            )
            .await
            .expect("focused id");
        id.as_str().unwrap_or_default().to_owned()
    }

    pub async fn select(&self, css: &str, value: &str) {
        let el = self.wait_for(css).await;
        el.select_by_value(value).await.expect("select");
    }

    pub async fn value(&self, css: &str) -> String {
        let el = self.wait_for(css).await;
        el.prop("value").await.ok().flatten().unwrap_or_default()
    }

    pub async fn title(&self) -> String {
        self.client().title().await.unwrap_or_default()
    }

    /// Waits until the document title contains `text` (the window title follows it).
    pub async fn wait_for_title(&self, text: &str) {
        let shows = async || self.title().await.contains(text).then_some(());
        if self.poll(WAIT, shows).await.is_err() {
            let title = self.title().await;
            self.fail(format!("the title `{title}` never showed `{text}`"))
                .await;
        }
    }

    /// Waits until the title is exactly `title` ("name — Policywright" is saved; a leading "• "
    /// would still contain it).
    pub async fn wait_for_exact_title(&self, title: &str) {
        let shows = async || (self.title().await == title).then_some(());
        if self.poll(WAIT, shows).await.is_err() {
            let now = self.title().await;
            self.fail(format!("the title `{now}` never became `{title}`"))
                .await;
        }
    }

    /// Saves the project as `rel` in the home ("projects/tea"), through "Save" and the scripted
    /// dialog, and waits for the window's title to name the file.
    pub async fn save_as(&self, home: &Home, rel: &str) {
        home.answer_dialog(&home.path(rel));
        self.click("#save").await;
        let name = Path::new(rel)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        self.wait_for_exact_title(&format!("{name}.policy.json — Policywright"))
            .await;
    }

    /// Picks `dir` in the export dialog's folder chooser (through the scripted dialog).
    pub async fn choose_export_folder(&self, home: &Home, dir: &Path) {
        home.answer_dialog(dir);
        self.click("#choose-folder").await;
        let filled = async || {
            let value = self.value("#export-folder").await;
            (!value.is_empty()).then_some(())
        };
        if self.poll(Duration::from_secs(10), filled).await.is_err() {
            self.fail("the export folder was never filled in".into())
                .await;
        }
    }

    /// Runs axe-core on the page as it is now; fails on any serious or critical violation.
    pub async fn check_accessibility(&self, what: &str) {
        let (passes, problems) = self.accessibility_problems().await;
        // An answer without passed rules means axe did not really run: that fails too.
        if passes == 0 || !problems.is_empty() {
            self.fail(format!(
                "{what}: {} rules passed; serious or critical: {}",
                passes,
                problems.join("\n")
            ))
            .await;
        }
    }

    /// axe-core's passed-rule count and its serious or critical violations.
    pub async fn accessibility_problems(&self) -> (u64, Vec<String>) {
        self.axe(&[], &["serious", "critical"]).await
    }

    /// axe-core on the page as it is now: how many rules passed, and the violations of `rules`
    /// (all rules when empty) with one of the `impacts`.
    pub async fn axe(&self, rules: &[&str], impacts: &[&str]) -> (u64, Vec<String>) {
        let loaded = self
            .client()
            .execute("return typeof window.axe === 'object';", vec![])
            .await
            .expect("probe axe");
        if loaded != Value::Bool(true) {
            let axe = workspace().join("ui/node_modules/axe-core/axe.min.js");
            let source = std::fs::read_to_string(&axe)
                .unwrap_or_else(|e| panic!("{}: {e} (run npm install in ui/)", axe.display()));
            self.client()
                .execute(&source, vec![])
                .await
                .expect("inject axe-core");
        }
        let found = self
            .client()
            .execute_async(
                "const [rules, impacts, done] = arguments;
                 const options = { resultTypes: ['violations'] };
                 if (rules.length) options.runOnly = { type: 'rule', values: rules };
                 axe.run(document, options)
                   .then(r => done({ passes: r.passes.length, problems: r.violations
                     .filter(v => impacts.includes(v.impact))
                     .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`) }))
                   .catch(e => done({ passes: 0, problems: [`axe failed: ${e}`] }));",
                vec![json!(rules), json!(impacts)],
            )
            .await
            .expect("run axe-core");
        let passes = found["passes"].as_u64().unwrap_or(0);
        let problems: Vec<String> =
            serde_json::from_value(found["problems"].clone()).unwrap_or_default();
        (passes, problems)
    }

    /// Saves a screenshot of the display under `target/e2e-artifacts/` (with ImageMagick's
    /// `import`: WebKitWebDriver's screenshot request can stall and hide the failure).
    pub async fn keep_screenshot(&self) {
        let path = self.artifacts.join(format!("{}.png", self.name));
        let _ = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&path)
            .status();
    }

    /// Requests a close until `css` (the guard) appears. Without a window manager GTK now and then
    /// drops a WM_DELETE_WINDOW before the app sees it (instrumenting the app showed no
    /// CloseRequested at all in those runs, about one in six), so like a person whose click did
    /// not register, it asks again.
    pub async fn close_until_asked(&self, css: &str) {
        for _ in 0..5 {
            self.request_close();
            let asked = async || self.displayed(css).await.map(|_| ());
            if self.poll(Duration::from_secs(2), asked).await.is_ok() {
                return;
            }
        }
        self.fail(format!("five close requests and `{css}` never appeared"))
            .await;
    }

    /// Writes what the display shows now to `path`, once rendering has settled. ImageMagick's
    /// `import` grabs the X display; WebKitWebDriver's own screenshot call can stall.
    pub async fn screenshot_to(&self, path: &Path) {
        tokio::time::sleep(Duration::from_millis(400)).await;
        let status = Command::new("import")
            .args([
                "-display",
                &self.display,
                "-window",
                "root",
                "-crop",
                "1200x800+0+0",
            ])
            .arg(path)
            .status()
            .expect("run import (imagemagick)");
        assert!(status.success(), "import failed for {}", path.display());
    }

    /// What tauri-driver, WebKitWebDriver and the app have written to stdout and stderr so far.
    pub fn driver_log(&self) -> String {
        std::fs::read_to_string(self.artifacts.join(format!("{}.driver.log", self.name)))
            .unwrap_or_default()
    }

    /// Waits until the driver log (where the app's stderr goes) has a line containing `text`.
    pub async fn wait_for_log(&self, text: &str) {
        let logged = async || self.driver_log().contains(text).then_some(());
        if self.poll(WAIT, logged).await.is_err() {
            self.fail(format!("the app never logged `{text}`")).await;
        }
    }

    pub async fn finish(mut self) {
        if let Some(client) = self.client.take() {
            let _ = tokio::time::timeout(Duration::from_secs(10), client.close()).await;
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

/// Runs one test at a time with a hard limit, so a WebDriver call that never returns fails the
/// test instead of stalling the run. The session's drop stops the driver and display either way.
pub async fn within<F: Future<Output = ()>>(limit: Duration, body: F) {
    static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let _turn = ONE_AT_A_TIME.lock().await;
    if tokio::time::timeout(limit, body).await.is_err() {
        panic!("the test did not finish within {limit:?}");
    }
}

/// The app processes started for `home` (found by the data folder in their environment).
pub fn app_pids(home: &Home) -> Vec<i32> {
    app_pids_with(&format!("XDG_DATA_HOME={}", home.path("data").display()))
}

/// The app processes whose environment has `marker` (`NAME=value`): one of several apps started
/// for the same home gets a variable of its own with [`Session::start_with`].
pub fn app_pids_with(marker: &str) -> Vec<i32> {
    processes()
        .filter(|(_, dir)| {
            let cmdline = std::fs::read(dir.join("cmdline")).unwrap_or_default();
            let exe = cmdline.split(|b| *b == 0).next().unwrap_or_default();
            String::from_utf8_lossy(exe).ends_with("policywright-app")
        })
        .filter(|(_, dir)| {
            let environ = std::fs::read(dir.join("environ")).unwrap_or_default();
            environ.split(|b| *b == 0).any(|kv| kv == marker.as_bytes())
        })
        .map(|(pid, _)| pid)
        .collect()
}

/// Every process: its pid and its /proc folder.
pub fn processes() -> impl Iterator<Item = (i32, PathBuf)> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((e.file_name().to_string_lossy().parse().ok()?, e.path())))
}

/// How long a wait for something on screen may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(15);

/// A wait ran out of time.
pub struct Elapsed;

pub const LIMIT: Duration = Duration::from_secs(150);
