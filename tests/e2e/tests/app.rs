//! End-to-end tests of the real desktop app: the release-like debug binary with its embedded UI,
//! driven through WebDriver (tauri-driver → WebKitWebDriver) on a private Xvfb display.
//!
//! Needs `tauri-driver` (cargo install), `WebKitWebDriver` (webkit2gtk-driver) and `Xvfb`;
//! `scripts/install-deps.sh` installs all three, and `scripts/test.sh` builds the app first.
//! Without them the tests say so and skip. On failure they keep the driver log and a screenshot
//! in `target/e2e-artifacts/`.
//!
//! Each test gives the app its own config and data folders (`XDG_CONFIG_HOME`, `XDG_DATA_HOME`)
//! and answers native file dialogs through `POLICYWRIGHT_TEST_DIALOG` (see `src-tauri/dialogs.rs`):
//! the test writes the path a dialog should return, then clicks. Everything after the dialog is the
//! real app. Tests run one at a time: each starts a WebKit app, and the CI machine has two cores.
#![cfg(target_os = "linux")]

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

/// Where one test's app keeps its files: config, data (recovery), the dialog answer, exports.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("temp home"),
        }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// The next native dialog returns `path` (an empty string: the owner cancels).
    fn answer_dialog(&self, path: &Path) {
        std::fs::write(
            self.path("dialog-answer"),
            path.to_string_lossy().as_bytes(),
        )
        .expect("dialog answer");
    }
}

/// A running app under Xvfb with a WebDriver session.
struct Session {
    client: Option<Client>,
    driver: Child,
    xvfb: Option<Child>,
    artifacts: PathBuf,
    name: String,
    display: String,
    /// When the WebDriver session (and so the app) was requested.
    launched: Instant,
}

impl Session {
    /// Starts everything, or returns `None` (with a message) where the tools are missing.
    async fn start(name: &str, home: &Home) -> Option<Session> {
        Session::start_with(name, home, &[]).await
    }

    /// Starts with extra environment for the app (a GTK theme, say).
    async fn start_with(name: &str, home: &Home, env: &[(&str, &str)]) -> Option<Session> {
        for tool in ["tauri-driver", "WebKitWebDriver", "Xvfb"] {
            if !found(tool) {
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
        caps.insert("tauri:options".into(), json!({ "application": app }));
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

    fn client(&self) -> &Client {
        self.client.as_ref().expect("session is open")
    }

    async fn fail(&self, why: String) -> ! {
        self.keep_screenshot().await;
        panic!("{}: {why}", self.name);
    }

    /// Asks `probe` every 50 ms until it gives a value, for at most `limit`; then fails the test
    /// (with a screenshot), saying what never happened.
    async fn poll<T>(
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
    async fn displayed(&self, css: &str) -> Option<Element> {
        let el = self.client().find(Locator::Css(css)).await.ok()?;
        el.is_displayed().await.unwrap_or(false).then_some(el)
    }

    /// Waits until `css` matches a displayed element.
    async fn wait_for(&self, css: &str) -> Element {
        match self.poll(WAIT, async || self.displayed(css).await).await {
            Ok(el) => el,
            Err(Elapsed) => self.fail(format!("`{css}` never appeared")).await,
        }
    }

    /// Waits until nothing matches `css` (or it is hidden).
    async fn wait_gone(&self, css: &str) {
        let gone = async || self.displayed(css).await.is_none().then_some(());
        if self.poll(WAIT, gone).await.is_err() {
            self.fail(format!("`{css}` never went away")).await;
        }
    }

    /// Waits until `css` matches an element whose text contains `text`.
    async fn wait_for_text(&self, css: &str, text: &str) -> String {
        let shows = async || {
            let el = self.client().find(Locator::Css(css)).await.ok()?;
            el.text().await.ok().filter(|t| t.contains(text))
        };
        match self.poll(WAIT, shows).await {
            Ok(t) => t,
            Err(Elapsed) => self.fail(format!("`{css}` never showed `{text}`")).await,
        }
    }

    async fn click(&self, css: &str) {
        let el = self.wait_for(css).await;
        if let Err(e) = el.click().await {
            self.fail(format!("clicking `{css}`: {e}")).await;
        }
    }

    /// Replaces the text of an input by typing, as a person would.
    async fn type_into(&self, css: &str, text: &str) {
        let el = self.wait_for(css).await;
        el.clear().await.expect("clear");
        if let Err(e) = el.send_keys(text).await {
            self.fail(format!("typing into `{css}`: {e}")).await;
        }
    }

    /// Sets a value the way the browser's own picker would (date inputs take no typed text in
    /// WebKitWebDriver), then fires the input event the app listens to.
    async fn set_value(&self, css: &str, value: &str) {
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
    async fn press(&self, keys: &str) {
        let el = self
            .client()
            .active_element()
            .await
            .expect("focused element");
        el.send_keys(keys).await.expect("send keys");
    }

    async fn focused_id(&self) -> String {
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

    async fn select(&self, css: &str, value: &str) {
        let el = self.wait_for(css).await;
        el.select_by_value(value).await.expect("select");
    }

    async fn value(&self, css: &str) -> String {
        let el = self.wait_for(css).await;
        el.prop("value").await.ok().flatten().unwrap_or_default()
    }

    async fn title(&self) -> String {
        self.client().title().await.unwrap_or_default()
    }

    /// Waits until the document title contains `text` (the window title follows it).
    async fn wait_for_title(&self, text: &str) {
        let shows = async || self.title().await.contains(text).then_some(());
        if self.poll(WAIT, shows).await.is_err() {
            let title = self.title().await;
            self.fail(format!("the title `{title}` never showed `{text}`"))
                .await;
        }
    }

    /// Waits until the title is exactly `title` ("name — Policywright" is saved; a leading "• "
    /// would still contain it).
    async fn wait_for_exact_title(&self, title: &str) {
        let shows = async || (self.title().await == title).then_some(());
        if self.poll(WAIT, shows).await.is_err() {
            let now = self.title().await;
            self.fail(format!("the title `{now}` never became `{title}`"))
                .await;
        }
    }

    /// Picks `dir` in the export dialog's folder chooser (through the scripted dialog).
    async fn choose_export_folder(&self, home: &Home, dir: &Path) {
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
    async fn check_accessibility(&self, what: &str) {
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
    async fn accessibility_problems(&self) -> (u64, Vec<String>) {
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
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done({ passes: r.passes.length, problems: r.violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`) }))
                   .catch(e => done({ passes: 0, problems: [`axe failed: ${e}`] }));",
                vec![],
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
    async fn keep_screenshot(&self) {
        let path = self.artifacts.join(format!("{}.png", self.name));
        let _ = Command::new("import")
            .args(["-display", &self.display, "-window", "root"])
            .arg(&path)
            .status();
    }

    /// Asks the app's window to close, as a window manager does when the owner clicks the close
    /// button: a WM_DELETE_WINDOW message to the window titled "… Policywright".
    fn request_close(&self) {
        use x11rb::connection::Connection;
        use x11rb::protocol::xproto::{
            AtomEnum, ClientMessageEvent, ConnectionExt, EventMask, MapState,
        };
        let (conn, screen) = x11rb::connect(Some(&self.display)).expect("connect to Xvfb");
        let root = conn.setup().roots[screen].root;
        let atom = |name: &[u8]| {
            conn.intern_atom(false, name)
                .expect("intern atom")
                .reply()
                .expect("atom")
                .atom
        };
        let (protocols, delete, utf8, net_name) = (
            atom(b"WM_PROTOCOLS"),
            atom(b"WM_DELETE_WINDOW"),
            atom(b"UTF8_STRING"),
            atom(b"_NET_WM_NAME"),
        );
        let windows = conn
            .query_tree(root)
            .expect("query tree")
            .reply()
            .expect("tree")
            .children;
        let title = |w| {
            let mut text = Vec::new();
            for (prop, kind) in [
                (net_name, utf8),
                (AtomEnum::WM_NAME.into(), AtomEnum::STRING.into()),
            ] {
                if let Ok(Ok(reply)) = conn
                    .get_property(false, w, prop, kind, 0, 1024)
                    .map(|c| c.reply())
                {
                    text.extend(reply.value);
                }
            }
            String::from_utf8_lossy(&text).into_owned()
        };
        // GTK also makes unmapped helper windows (a client leader) with the same name.
        let viewable = |w| {
            conn.get_window_attributes(w)
                .ok()
                .and_then(|c| c.reply().ok())
                .is_some_and(|a| a.map_state == MapState::VIEWABLE)
        };
        let window = windows
            .into_iter()
            .find(|w| viewable(*w) && title(*w).contains("Policywright"))
            .expect("the app's window");
        let message = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
        conn.send_event(false, window, EventMask::NO_EVENT, message)
            .expect("send close request");
        conn.flush().expect("flush");
    }

    /// The text on the X clipboard of the test's display (UTF-8), read the way a paste would.
    fn clipboard_text(&self) -> Option<String> {
        use x11rb::connection::Connection;
        use x11rb::protocol::Event;
        use x11rb::protocol::xproto::{
            AtomEnum, ConnectionExt, CreateWindowAux, EventMask, WindowClass,
        };
        let (conn, screen) = x11rb::connect(Some(&self.display)).ok()?;
        let root = conn.setup().roots[screen].root;
        let atom = |name: &[u8]| Some(conn.intern_atom(false, name).ok()?.reply().ok()?.atom);
        let (clipboard, utf8, target) = (
            atom(b"CLIPBOARD")?,
            atom(b"UTF8_STRING")?,
            atom(b"POLICYWRIGHT_PASTE")?,
        );
        let window = conn.generate_id().ok()?;
        conn.create_window(
            x11rb::COPY_DEPTH_FROM_PARENT,
            window,
            root,
            0,
            0,
            1,
            1,
            0,
            WindowClass::INPUT_OUTPUT,
            0,
            &CreateWindowAux::new().event_mask(EventMask::PROPERTY_CHANGE),
        )
        .ok()?;
        conn.convert_selection(window, clipboard, utf8, target, x11rb::CURRENT_TIME)
            .ok()?;
        conn.flush().ok()?;
        let deadline = Instant::now() + Duration::from_secs(5);
        loop {
            match conn.poll_for_event().ok()? {
                Some(Event::SelectionNotify(e)) if e.property == x11rb::NONE => return None,
                Some(Event::SelectionNotify(_)) => break,
                _ if Instant::now() > deadline => return None,
                _ => std::thread::sleep(Duration::from_millis(20)),
            }
        }
        let reply = conn
            .get_property(true, window, target, AtomEnum::ANY, 0, u32::MAX / 4)
            .ok()?
            .reply()
            .ok()?;
        String::from_utf8(reply.value).ok()
    }

    /// Requests a close until `css` (the guard) appears. Without a window manager GTK now and then
    /// drops a WM_DELETE_WINDOW before the app sees it (instrumenting the app showed no
    /// CloseRequested at all in those runs, about one in six), so like a person whose click did
    /// not register, it asks again.
    async fn close_until_asked(&self, css: &str) {
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
    async fn screenshot_to(&self, path: &Path) {
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

    async fn finish(mut self) {
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
async fn within<F: std::future::Future<Output = ()>>(limit: Duration, body: F) {
    static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());
    let _turn = ONE_AT_A_TIME.lock().await;
    if tokio::time::timeout(limit, body).await.is_err() {
        panic!("the test did not finish within {limit:?}");
    }
}

/// The app processes started for `home` (found by the data folder in their environment).
fn app_pids(home: &Home) -> Vec<i32> {
    let marker = format!("XDG_DATA_HOME={}", home.path("data").display());
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
fn processes() -> impl Iterator<Item = (i32, PathBuf)> {
    std::fs::read_dir("/proc")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| Some((e.file_name().to_string_lossy().parse().ok()?, e.path())))
}

fn pdf_text(path: &Path) -> Option<String> {
    let out = Command::new("pdftotext").arg(path).arg("-").output().ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A little of `text` around the first `needle`, for failure messages.
fn around(text: &str, needle: &str) -> String {
    let at = text.find(needle).unwrap_or(0);
    let start = text.floor_char_boundary(at.saturating_sub(150));
    let end = text.ceil_char_boundary((at + 150).min(text.len()));
    text[start..end].to_owned()
}

/// How long a wait for something on screen may take before the test fails.
const WAIT: Duration = Duration::from_secs(15);

/// A wait ran out of time.
struct Elapsed;

const LIMIT: Duration = Duration::from_secs(150);

#[tokio::test(flavor = "multi_thread")]
async fn app_starts_and_previews_the_examples() {
    within(LIMIT, previews_the_examples()).await;
}

async fn previews_the_examples() {
    let home = Home::new();
    let Some(s) = Session::start("preview", &home).await else {
        return;
    };
    s.check_accessibility("start screen").await;
    // The check itself can fail: an unlabelled text box is a critical violation.
    s.client()
        .execute(
            "const i = document.createElement('input'); i.id = 'unlabelled'; document.body.append(i);",
            vec![],
        )
        .await
        .expect("add an unlabelled input");
    let (_, problems) = s.accessibility_problems().await;
    assert!(
        problems.iter().any(|p| p.contains("#unlabelled")),
        "{problems:?}"
    );
    s.client()
        .execute("document.getElementById('unlabelled').remove();", vec![])
        .await
        .expect("remove it");
    s.select("select#example", "saas").await;
    s.click("#new-from-example").await;
    s.wait_for_text("section#summary h2", "At a glance").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    let sections = s
        .client()
        .find_all(Locator::Css("#preview section"))
        .await
        .expect("sections");
    assert!(
        sections.len() > 20,
        "the saas example has {} sections",
        sections.len()
    );

    s.click("#home").await;
    s.select("select#example", "shop").await;
    s.click("#new-from-example").await;
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

#[tokio::test(flavor = "multi_thread")]
async fn the_dark_theme_passes_the_accessibility_check_too() {
    within(LIMIT, dark_theme()).await;
}

/// The UI follows the system's colour scheme; a dark GTK theme makes WebKit report `dark`.
async fn dark_theme() {
    let home = Home::new();
    let Some(s) = Session::start_with("dark", &home, &[("GTK_THEME", "Adwaita:dark")]).await else {
        return;
    };
    let dark = s
        .client()
        .execute(
            "return matchMedia('(prefers-color-scheme: dark)').matches;",
            vec![],
        )
        .await
        .expect("media query");
    assert_eq!(dark, Value::Bool(true), "WebKit reports the dark scheme");
    s.check_accessibility("start screen, dark").await;
    s.select("select#example", "saas").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    for step in ["organisation", "purposes", "vendors", "review"] {
        s.click(&format!("#step-{step}")).await;
        s.check_accessibility(&format!("step {step}, dark")).await;
    }
    s.click("#export").await;
    s.check_accessibility("export dialog, dark").await;
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_blank_project_completed_step_by_step_exports_html_markdown_and_pdf() {
    within(LIMIT, complete_every_step_and_export()).await;
}

async fn complete_every_step_and_export() {
    let home = Home::new();
    let Some(s) = Session::start("complete-and-export", &home).await else {
        return;
    };
    s.click("#new-blank").await;
    s.wait_for_text("#step-title", "Organisation and contacts")
        .await;
    s.wait_for_text("#step-organisation", "to fix").await;
    s.wait_for_text("#step-data", "not started").await;
    // The step's heading has focus; Tab moves to its first question.
    s.press("\u{E004}").await;
    assert_eq!(s.focused_id().await, "field-organisation-legal-name");

    // 1 Organisation: a name with characters that must stay text in every output.
    s.type_into("#field-organisation-legal-name", "Wren & <Sons> Ltd")
        .await;
    s.type_into("#field-organisation-email", "privacy@wren.example")
        .await;
    s.type_into("#field-organisation-address-street", "4 Mill Lane")
        .await;
    s.type_into("#field-organisation-address-city", "York")
        .await;
    s.type_into("#field-organisation-address-postal-code", "YO1 7HH")
        .await;
    s.type_into("#field-organisation-address-country", "gb")
        .await;
    s.set_value("#field-effective-date", "2026-12-01").await;
    s.wait_for_text(".policy-meta", "Wren & <Sons> Ltd").await;
    s.check_accessibility("step 1").await;

    // 2 What you offer.
    s.click("#step-offer").await;
    s.click("#add-product").await;
    s.type_into("#field-products-0-name", "Wren Online").await;
    s.type_into("#field-products-0-url", "https://wren.example")
        .await;
    s.check_accessibility("step 2").await;

    // 3 Data.
    s.click("#next").await;
    s.wait_for_text("#step-title", "Data you collect").await;
    s.click("#field-data-name").await;
    s.click("#field-data-contact-details").await;
    s.click("#field-data-purchase-history").await;
    s.wait_for("#field-data-2-source-automatically").await;
    let started = async || {
        let badge = s
            .displayed("#step-data .step-badge")
            .await?
            .text()
            .await
            .ok()?;
        (!badge.contains("not started")).then_some(())
    };
    assert!(
        s.poll(WAIT, started).await.is_ok(),
        "the data step counts as started"
    );
    s.check_accessibility("step 3").await;

    // 4 Purposes: the legal basis comes prefilled.
    s.click("#step-purposes").await;
    s.click("#field-purpose-provide-service").await;
    s.click("#field-purpose-payments").await;
    let basis = s.value("#field-purposes-0-legal-basis").await;
    assert_eq!(basis, "contract", "the usual basis is prefilled");
    s.check_accessibility("step 4").await;

    // 5 Vendors: search, then tick.
    s.click("#step-vendors").await;
    s.type_into("#vendor-search", "strip").await;
    s.wait_for_text("#vendor-count", "1 of").await;
    s.click("#field-vendor-stripe").await;
    s.wait_for_text("section#vendors", "Stripe").await;
    s.check_accessibility("step 5").await;

    // 6 Cookies.
    s.click("#step-cookies").await;
    s.click("#field-cookies-kinds-0").await;
    s.check_accessibility("step 6").await;

    // 7 Where users are.
    s.click("#step-where").await;
    s.click("#field-jurisdiction-uk").await;
    s.wait_for("section#europe").await;
    s.check_accessibility("step 7").await;

    // 8 Retention for every category, and security.
    s.click("#step-keeping").await;
    for i in 0..3 {
        s.select(&format!("#field-data-{i}-retention"), "period")
            .await;
        s.type_into(&format!("#field-data-{i}-retention-amount"), "6")
            .await;
    }
    s.click("#field-security-0").await;
    s.check_accessibility("step 8").await;

    // 9 Choices.
    s.click("#step-choices").await;
    s.click("#field-sale-and-sharing-sells-1").await;
    s.click("#field-sale-and-sharing-shares-for-targeted-ads-1")
        .await;
    s.check_accessibility("step 9").await;

    // 10 Review: nothing left to fix.
    s.click("#step-review").await;
    s.wait_for_text("#review-summary", "Ready to export").await;
    s.check_accessibility("step 10").await;

    // Export all three to a temporary folder.
    let out = home.path("export");
    std::fs::create_dir_all(&out).expect("export folder");
    s.click("#next").await;
    s.wait_for("#export-dialog").await;
    s.check_accessibility("export dialog").await;
    s.choose_export_folder(&home, &out).await;
    s.type_into("#export-stem", "wren-privacy").await;
    s.click("#do-export").await;
    s.wait_for_text("#export-done", "Exported 3 file(s)").await;
    // Open hands the file to the desktop (here the stand-in xdg-open records it).
    let html_path = out.join("wren-privacy.html");
    s.click(&format!(
        "li[data-file='{}'] button:first-of-type",
        html_path.display()
    ))
    .await;
    wait_for("xdg-open to be called", Duration::from_secs(10), || {
        std::fs::read_to_string(home.path("opened.log"))
            .is_ok_and(|l| l.lines().any(|line| Path::new(line) == html_path))
    });
    let pdf_path = out.join("wren-privacy.pdf");
    s.click(&format!(
        "li[data-file='{}'] button:last-of-type",
        pdf_path.display()
    ))
    .await;
    // Show in folder: here no file manager service answers, so the folder itself is opened.
    wait_for("the folder to be opened", Duration::from_secs(10), || {
        std::fs::read_to_string(home.path("opened.log"))
            .is_ok_and(|l| l.lines().any(|line| Path::new(line) == out))
    });
    s.click("#copy-md").await;
    s.wait_for_text("#export-result", "Markdown copied to the clipboard")
        .await;

    let html = std::fs::read_to_string(out.join("wren-privacy.html")).expect("html");
    assert!(html.contains("Wren &amp; &lt;Sons&gt; Ltd"), "escaped name");
    assert!(!html.contains("<Sons>"), "no raw markup from the answers");
    assert!(html.contains("Stripe") && html.contains("privacy@wren.example"));
    assert!(html.contains("<html"), "a whole page");
    let md = std::fs::read_to_string(out.join("wren-privacy.md")).expect("markdown");
    assert_eq!(
        s.clipboard_text().as_deref(),
        Some(md.as_str()),
        "a paste gives the same Markdown as the exported file"
    );
    assert!(
        md.contains("Wren \\& \\<Sons\\> Ltd"),
        "Markdown escapes the name: {}",
        around(&md, "Sons")
    );
    assert!(md.contains("Stripe"));
    let pdf = out.join("wren-privacy.pdf");
    assert!(std::fs::read(&pdf).expect("pdf").starts_with(b"%PDF-"));
    if let Some(text) = pdf_text(&pdf) {
        assert!(text.contains("Wren & <Sons> Ltd"), "{text:.300}");
        assert!(text.contains("Stripe"));
    }
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_project_reopens_after_relaunch_and_a_vendor_change_reaches_the_export() {
    within(LIMIT, save_relaunch_change_vendor()).await;
}

async fn save_relaunch_change_vendor() {
    let home = Home::new();
    let file = home.path("projects/tea.policy.json");
    std::fs::create_dir_all(home.path("projects")).expect("projects folder");
    {
        let Some(s) = Session::start("save-relaunch-1", &home).await else {
            return;
        };
        s.select("select#example", "shop").await;
        s.click("#new-from-example").await;
        s.wait_for_text(".policy-meta", "Hollybank").await;
        home.answer_dialog(&home.path("projects/tea"));
        s.click("#save").await;
        s.wait_for_exact_title("tea.policy.json — Policywright")
            .await;
        s.finish().await;
    }
    assert!(
        file.is_file(),
        "the project was saved as {}",
        file.display()
    );

    let Some(s) = Session::start("save-relaunch-2", &home).await else {
        return;
    };
    s.wait_for_text("#recent-list", "tea.policy.json").await;
    s.wait_for_text("#recent-list", "last edited").await;
    s.click("#reopen-last").await;
    s.wait_for_text(".policy-meta", "Hollybank").await;
    s.wait_for_title("tea.policy.json").await;

    s.click("#step-vendors").await;
    s.click("#field-vendor-paypal").await;
    s.type_into("#vendor-search", "plausible").await;
    s.click("#field-vendor-plausible").await;
    s.wait_for_text("section#vendors", "Plausible").await;
    s.wait_for_title("• tea.policy.json").await;
    // Ctrl+S from the keyboard saves to the same file, without a dialog.
    s.press("\u{E009}s\u{E000}").await;
    s.wait_for_exact_title("tea.policy.json — Policywright")
        .await;
    let saved = std::fs::read_to_string(&file).expect("saved again");
    assert!(saved.contains("\"plausible\"") && !saved.contains("\"paypal\""));

    let out = home.path("export");
    std::fs::create_dir_all(&out).expect("export folder");
    s.click("#export").await;
    s.click("#fmt-md").await;
    s.click("#fmt-pdf").await;
    s.choose_export_folder(&home, &out).await;
    s.click("#do-export").await;
    s.wait_for_text("#export-done", "Exported 1 file(s)").await;
    let html = std::fs::read_to_string(out.join("tea.html")).expect("html");
    assert!(
        html.contains("Plausible"),
        "the new vendor is in the policy"
    );
    // The owner's own retention note still names PayPal; the vendor entry (with its link) goes.
    assert!(
        !html.contains("paypal.com") && !html.contains("PayPal (Europe)"),
        "the removed vendor is gone: {}",
        around(&html, "paypal.com")
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_unsaved_changes_guard_fires_before_work_is_lost() {
    within(LIMIT, unsaved_changes_guard()).await;
}

async fn unsaved_changes_guard() {
    let home = Home::new();
    let Some(s) = Session::start("unsaved-guard", &home).await else {
        return;
    };
    s.click("#new-blank").await;
    s.type_into("#field-organisation-legal-name", "Guarded Ltd")
        .await;
    s.wait_for_title("• Untitled").await;

    // Leaving for the start screen asks first; Cancel keeps the work.
    s.click("#home").await;
    s.wait_for("#unsaved-guard").await;
    s.check_accessibility("unsaved-changes dialog").await;
    s.click("#unsaved-guard button[data-value='cancel']").await;
    s.wait_gone("#unsaved-guard").await;
    assert_eq!(
        s.value("#field-organisation-legal-name").await,
        "Guarded Ltd"
    );

    // Opening another project asks too; Save writes the file, then the other project opens.
    let other = home.path("other.policy.json");
    std::fs::write(
        &other,
        include_str!("../../../examples/consumer-app.policy.json"),
    )
    .expect("other project");
    home.answer_dialog(&other);
    s.click("#open").await;
    s.wait_for("#unsaved-guard").await;
    home.answer_dialog(&home.path("guarded"));
    s.click("#unsaved-guard button[data-value='save']").await;
    s.wait_for_title("other.policy.json").await;
    let saved = std::fs::read_to_string(home.path("guarded.policy.json")).expect("saved");
    assert!(saved.contains("Guarded Ltd"));

    // Ctrl+N with changes asks; Don't save discards them.
    s.type_into("#field-organisation-legal-name", "Changed")
        .await;
    s.wait_for_title("• other.policy.json").await;
    s.client()
        .execute(
            "document.dispatchEvent(new KeyboardEvent('keydown', { key: 'n', ctrlKey: true }));",
            vec![],
        )
        .await
        .expect("Ctrl+N");
    s.wait_for("#unsaved-guard").await;
    s.click("#unsaved-guard button[data-value='discard']").await;
    s.wait_for_title("Untitled").await;
    assert_eq!(s.value("#field-organisation-legal-name").await, "");
    assert!(
        std::fs::read_to_string(&other)
            .expect("other")
            .contains("Lumen Trails"),
        "discarded changes never reached the file"
    );

    // Closing the window with changes asks too: Cancel keeps the app open; Don't save closes it.
    s.type_into("#field-organisation-legal-name", "Closing Ltd")
        .await;
    s.wait_for_title("• Untitled").await;
    s.close_until_asked("#unsaved-guard").await;
    s.click("#unsaved-guard button[data-value='cancel']").await;
    s.wait_gone("#unsaved-guard").await;
    assert_eq!(
        s.value("#field-organisation-legal-name").await,
        "Closing Ltd"
    );
    s.close_until_asked("#unsaved-guard").await;
    s.click("#unsaved-guard button[data-value='discard']").await;
    wait_for("the app to exit", Duration::from_secs(15), || {
        app_pids(&home).is_empty()
    });
    drop(s);
}

#[tokio::test(flavor = "multi_thread")]
async fn after_a_crash_the_app_offers_to_restore_the_unsaved_answers() {
    within(LIMIT, recovery_after_a_crash()).await;
}

async fn recovery_after_a_crash() {
    let home = Home::new();
    {
        let Some(s) = Session::start("recovery-1", &home).await else {
            return;
        };
        s.click("#new-blank").await;
        s.type_into("#field-organisation-legal-name", "Crash & Co")
            .await;
        s.type_into("#field-organisation-address-city", "Leeds")
            .await;
        // The autosave stamps the page; wait for it, then kill the app without warning.
        s.wait_for("body[data-autosaved-at]").await;
        let pids = app_pids(&home);
        assert!(!pids.is_empty(), "found the app process");
        for pid in pids {
            unsafe {
                libc::kill(pid, libc::SIGKILL);
            }
        }
        drop(s);
    }
    let Some(s) = Session::start("recovery-2", &home).await else {
        return;
    };
    s.wait_for_text("#recovery-message", "an unsaved project")
        .await;
    s.check_accessibility("start screen with recovery").await;
    // Starting something else first asks, because autosave would overwrite those answers.
    s.click("#new-blank").await;
    s.wait_for("#recovery-guard").await;
    s.click("#recovery-guard button[data-value='cancel']").await;
    s.wait_gone("#recovery-guard").await;
    s.click("#restore").await;
    s.wait_for_text(".policy-meta", "Crash & Co").await;
    assert_eq!(
        s.value("#field-organisation-legal-name").await,
        "Crash & Co"
    );
    assert_eq!(s.value("#field-organisation-address-city").await, "Leeds");
    s.wait_for_title("• Untitled").await;
    s.finish().await;
}

/// Not a check: refreshes the README's screenshots from the real app
/// (`scripts/screenshots.sh` runs it).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "writes docs/screenshots; run by scripts/screenshots.sh"]
async fn screenshots() {
    within(LIMIT, take_screenshots()).await;
}

async fn take_screenshots() {
    let home = Home::new();
    let Some(s) = Session::start("screenshots", &home).await else {
        return;
    };
    let out = workspace().join("docs/screenshots");
    s.select("select#example", "saas").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    home.answer_dialog(&home.path("kestrel-metrics"));
    s.click("#save").await;
    s.wait_for_title("kestrel-metrics.policy.json").await;
    s.click("#home").await;
    s.wait_for_text("#recent-list", "kestrel-metrics").await;
    s.screenshot_to(&out.join("start-screen.png")).await;

    s.click("#reopen-last").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    s.screenshot_to(&out.join("wizard-organisation.png")).await;
    s.click("#step-purposes").await;
    s.wait_for("#field-purpose-provide-service").await;
    s.screenshot_to(&out.join("wizard-purposes.png")).await;
    s.click("#step-vendors").await;
    s.type_into("#vendor-search", "a").await;
    s.screenshot_to(&out.join("wizard-vendors.png")).await;
    s.click("#step-review").await;
    s.wait_for("#review-summary").await;
    s.screenshot_to(&out.join("wizard-review.png")).await;
    std::fs::create_dir_all(home.path("export")).expect("export folder");
    s.click("#export").await;
    s.choose_export_folder(&home, &home.path("export")).await;
    s.click("#do-export").await;
    s.wait_for_text("#export-done", "Exported").await;
    s.screenshot_to(&out.join("export-dialog.png")).await;
    s.finish().await;

    let Some(s) =
        Session::start_with("screenshots-dark", &home, &[("GTK_THEME", "Adwaita:dark")]).await
    else {
        return;
    };
    s.click("#reopen-last").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    s.click("#step-keeping").await;
    s.screenshot_to(&out.join("wizard-dark.png")).await;
    s.finish().await;
}

/// Not a check: the figures for the issue notes, from the release build
/// (`scripts/measure-release.sh` builds it and runs this).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "measures the release build; run by scripts/measure-release.sh"]
async fn release_figures() {
    within(LIMIT, measure_release()).await;
}

/// Proportional set size (kB) of a process, from /proc/PID/smaps_rollup.
fn pss_kb(pid: i32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The direct children of `pid` with their command names.
fn children(pid: i32) -> Vec<(i32, String)> {
    processes()
        .filter_map(|(child, dir)| {
            let stat = std::fs::read_to_string(dir.join("stat")).ok()?;
            // The fields after the parenthesised name: state, then the parent pid.
            let (name, rest) = stat.split_once(") ")?;
            let parent = rest.split(' ').nth(1)?.parse::<i32>().ok()?;
            let comm = name.split_once(" (").map(|x| x.1).unwrap_or_default();
            (parent == pid).then(|| (child, comm.to_owned()))
        })
        .collect()
}

async fn measure_release() {
    let home = Home::new();
    let Some(s) = Session::start("release-figures", &home).await else {
        return;
    };
    let interactive = s.launched.elapsed();
    s.select("select#example", "saas").await;
    s.click("#new-from-example").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;

    let mut renders = Vec::new();
    let mut name = s.value("#field-organisation-legal-name").await;
    for i in 0..15 {
        // Found afresh each time: opening a project draws the step more than once.
        let field = s.wait_for("#field-organisation-legal-name").await;
        let key = if i % 2 == 0 { "x" } else { "y" };
        field.send_keys(key).await.expect("type");
        name.push_str(key);
        // The preview shows the new name once this edit's render is in; then read its time.
        s.wait_for_text("section#who-we-are", &name).await;
        let ms = s
            .client()
            .execute(
                "return document.getElementById('preview').dataset.renderMs;",
                vec![],
            )
            .await
            .expect("read render time");
        renders.push(
            ms.as_str()
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN),
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    renders.sort_by(|a, b| a.total_cmp(b));
    let median = renders[renders.len() / 2];

    let mut lines = Vec::new();
    let mut total = 0;
    for pid in app_pids(&home) {
        let kb = pss_kb(pid);
        total += kb;
        lines.push(format!("  policywright-app (pid {pid}): {kb} kB"));
        for (child, name) in children(pid) {
            let kb = pss_kb(child);
            total += kb;
            lines.push(format!("  {name} (pid {child}): {kb} kB"));
        }
    }
    println!(
        "launch -> wizard interactive: {} ms (WebDriver session request to start screen ready)",
        interactive.as_millis()
    );
    println!(
        "edit -> preview updated (inside the app, saas example, {} edits): median {median:.1} ms, min {:.1}, max {:.1}",
        renders.len(),
        renders[0],
        renders[renders.len() - 1]
    );
    println!(
        "memory (PSS) after opening the saas example:\n{}\n  total: {} kB ({:.1} MiB)",
        lines.join("\n"),
        total,
        total as f64 / 1024.0
    );
    s.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "measures typing in the 1,000-entry project; run by scripts/measure-release.sh"]
async fn large_project_figures() {
    within(LIMIT, measure_large_project()).await;
}

/// Keystroke to preview updated, timed inside the page: from just before the input event (so the
/// UI's own work on the edit counts) until the preview's DOM shows the new name.
const TIME_ONE_KEYSTROKE: &str = "
    const [key, done] = [arguments[0], arguments[arguments.length - 1]];
    const input = document.getElementById('field-organisation-legal-name');
    const preview = document.getElementById('preview');
    const started = performance.now();
    const shown = () => document.querySelector('section#who-we-are')?.textContent.includes(input.value);
    const observer = new MutationObserver(() => {
        if (!shown()) return;
        observer.disconnect();
        done(performance.now() - started);
    });
    observer.observe(preview, { childList: true, subtree: true, characterData: true });
    input.value += key;
    input.dispatchEvent(new Event('input', { bubbles: true }));
";

async fn measure_large_project() {
    let home = Home::new();
    let library = policywright::Library::load().expect("library loads");
    let project = policywright::scale::large_project(&library, 1000);
    let file = home.path("large.policy.json");
    policywright::project_file::save(&project, &file, library.version()).expect("saved");
    let Some(s) = Session::start("large-project-figures", &home).await else {
        return;
    };
    home.answer_dialog(&file);
    s.click("#open-start").await;
    s.wait_for_text(".policy-meta", "Kestrel").await;
    s.wait_for("#field-organisation-legal-name").await;

    let mut typed = Vec::new();
    let mut renders = Vec::new();
    for i in 0..15 {
        let key = if i % 2 == 0 { "x" } else { "y" };
        let ms = s
            .client()
            .execute_async(TIME_ONE_KEYSTROKE, vec![json!(key)])
            .await
            .expect("time a keystroke");
        typed.push(ms.as_f64().unwrap_or(f64::NAN));
        let render = s
            .client()
            .execute(
                "return document.getElementById('preview').dataset.renderMs;",
                vec![],
            )
            .await
            .expect("read render time");
        renders.push(
            render
                .as_str()
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(f64::NAN),
        );
        tokio::time::sleep(Duration::from_millis(150)).await;
    }
    for (what, mut figures) in [
        ("keystroke -> preview DOM updated", typed),
        ("preview request -> shown (the app's own figure)", renders),
    ] {
        figures.sort_by(|a, b| a.total_cmp(b));
        println!(
            "1,000-entry project, {what}, {} edits: median {:.1} ms, min {:.1}, max {:.1}",
            figures.len(),
            figures[figures.len() / 2],
            figures[0],
            figures[figures.len() - 1]
        );
    }
    s.finish().await;
}
