//! Keeps the window on the app. The live preview is full of links (the owner's website, vendors'
//! privacy pages); followed inside the window they would replace the app, unsaved work out of
//! sight and a remote page in the app's frame. So the window refuses every navigation away from
//! the app's own origin and every new window, and the preview's links go to the system browser or
//! mail client through [`open_link`], which opens `https:` and `mailto:` addresses and nothing else.

use tauri::utils::config::{Config, FrontendDist, WindowConfig};
use tauri::webview::NewWindowResponse;
use tauri::{AppHandle, Runtime, Url, WebviewWindow, WebviewWindowBuilder};
use tauri_plugin_opener::OpenerExt;

use crate::commands::CommandError;

/// The label of the app's one window in tauri.conf.json (and in the capability file).
pub const MAIN_WINDOW: &str = "main";

/// Where the app's own pages come from, worked out the way Tauri picks the URL it loads: the dev
/// server in a dev build, otherwise the embedded assets' custom protocol, which WebView2 (Windows)
/// and Android only reach through `http(s)://tauri.localhost`, and WebKit (Linux, macOS) as
/// `tauri://localhost`.
pub fn app_origin(config: &Config, window: &WindowConfig) -> Url {
    let served_from = if tauri::is_dev() {
        config.build.dev_url.as_ref()
    } else {
        match config.build.frontend_dist.as_ref() {
            Some(FrontendDist::Url(url)) => Some(url),
            _ => None,
        }
    };
    let http_protocol = cfg!(windows) || cfg!(target_os = "android");
    origin_for(served_from, http_protocol, window.use_https_scheme)
}

fn origin_for(served_from: Option<&Url>, http_protocol: bool, https: bool) -> Url {
    if let Some(url) = served_from {
        return url.clone();
    }
    let text = match (http_protocol, https) {
        (true, true) => "https://tauri.localhost",
        (true, false) => "http://tauri.localhost",
        (false, _) => "tauri://localhost",
    };
    Url::parse(text).expect("a constant, well-formed URL")
}

/// Same scheme, host and port. (`Url::origin` would not do: a custom scheme such as `tauri:` has
/// an opaque origin, which never equals another, not even itself.)
pub fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}

/// Creates the main window from its configuration, with the navigation and new-window guards. The
/// configuration has `create: false`, so Tauri does not make a window of its own without them.
pub fn create_main_window<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<WebviewWindow<R>> {
    let config = app.config();
    let window = config
        .app
        .windows
        .iter()
        .find(|w| w.label == MAIN_WINDOW)
        .cloned()
        .ok_or(tauri::Error::WindowNotFound)?;
    let origin = app_origin(config, &window);
    WebviewWindowBuilder::from_config(app, &window)?
        .on_navigation(move |url| {
            let allowed = same_origin(url, &origin);
            if !allowed {
                eprintln!("policywright: refused to leave the app for {url}");
            }
            allowed
        })
        .on_new_window(|url, _features| {
            eprintln!("policywright: refused to open a window for {url}");
            NewWindowResponse::Deny
        })
        .build()
}

/// The addresses a link in the preview may open outside the app: `https:` with a host and no
/// user name or password (`https://bank.example@evil.example` reads as the bank), and `mailto:`
/// with an address. Anything else (`http:`, `file:`, `javascript:`, relative links) stays shut.
pub fn external_link(text: &str) -> Result<Url, CommandError> {
    let refuse = || {
        CommandError::new(format!(
            "Policywright only opens https and email links, not `{text}`"
        ))
    };
    let url = Url::parse(text.trim()).map_err(|_| refuse())?;
    let fine = match url.scheme() {
        "https" => {
            url.host_str().is_some_and(|h| !h.is_empty())
                && url.username().is_empty()
                && url.password().is_none()
        }
        "mailto" => url.path().contains('@'),
        _ => false,
    };
    if fine { Ok(url) } else { Err(refuse()) }
}

/// Opens a link from the preview in the system's browser or mail client.
#[tauri::command]
pub fn open_link<R: Runtime>(app: AppHandle<R>, url: String) -> Result<(), CommandError> {
    let url = external_link(&url)?;
    app.opener()
        .open_url(url.as_str(), None::<&str>)
        .map_err(|e| CommandError::new(format!("could not open {url}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(text: &str) -> Url {
        Url::parse(text).expect("test URL")
    }

    #[test]
    fn the_app_origin_follows_the_platform_and_the_build() {
        assert_eq!(origin_for(None, false, false).as_str(), "tauri://localhost");
        assert_eq!(origin_for(None, false, true).as_str(), "tauri://localhost");
        assert_eq!(
            origin_for(None, true, false).as_str(),
            "http://tauri.localhost/"
        );
        assert_eq!(
            origin_for(None, true, true).as_str(),
            "https://tauri.localhost/"
        );
        let dev = url("http://localhost:5173");
        assert_eq!(origin_for(Some(&dev), true, false), dev);
        assert_eq!(origin_for(Some(&dev), false, false), dev);
    }

    #[test]
    fn this_build_uses_the_configured_origin() {
        let config: Config =
            serde_json::from_str(include_str!("../tauri.conf.json")).expect("tauri.conf.json");
        let window = config
            .app
            .windows
            .iter()
            .find(|w| w.label == MAIN_WINDOW)
            .expect("a main window in tauri.conf.json");
        assert!(
            !window.create,
            "the window is made in code, with its guards"
        );
        let origin = app_origin(&config, window);
        if tauri::is_dev() {
            assert_eq!(origin.as_str(), "http://localhost:5173/");
        } else if cfg!(windows) {
            assert_eq!(origin.as_str(), "http://tauri.localhost/");
        } else {
            assert_eq!(origin.as_str(), "tauri://localhost");
        }
    }

    #[test]
    fn only_the_app_origin_is_the_same_origin() {
        for origin in [
            url("tauri://localhost"),
            url("http://tauri.localhost"),
            url("http://localhost:5173"),
        ] {
            let page = origin.join("/index.html#step").expect("join");
            assert!(same_origin(&page, &origin), "{page} is on {origin}");
        }
        let app = url("tauri://localhost");
        for away in [
            "https://kestrel-metrics.example/",
            "http://localhost/",
            "tauri://localhost.evil.example/",
            "tauri://evil.example/",
            "file:///etc/passwd",
            "about:blank",
            "data:text/html,hi",
        ] {
            assert!(!same_origin(&url(away), &app), "{away}");
        }
        let windows = url("http://tauri.localhost");
        assert!(
            !same_origin(&url("https://tauri.localhost/"), &windows),
            "scheme"
        );
        assert!(
            !same_origin(&url("http://tauri.localhost:8080/"), &windows),
            "port"
        );
        let dev = url("http://localhost:5173");
        assert!(!same_origin(&url("http://localhost:5174/"), &dev), "port");
    }

    #[test]
    fn only_https_and_email_links_open() {
        for good in [
            "https://kestrel-metrics.example/",
            "https://stripe.com/privacy?x=1#top",
            "mailto:privacy@wren.example",
            "mailto:privacy@wren.example?subject=Data%20request",
        ] {
            assert!(external_link(good).is_ok(), "{good}");
        }
        for bad in [
            "http://kestrel-metrics.example/",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "data:text/html,hi",
            "tauri://localhost/index.html",
            "ftp://files.example/",
            "https://trusted-bank.example@evil.example/login",
            "https://user:pass@example.com/",
            "mailto:",
            "/relative/path",
            "",
            "smb://server/share",
        ] {
            let err = external_link(bad).expect_err(bad);
            assert!(
                err.message.contains("only opens https and email links"),
                "{}",
                err.message
            );
        }
    }
}
