//! Web addresses as owners type them. Owners write `www.example.ie` far more often than
//! `https://www.example.ie`; this module decides, once for the whole app, what such an answer
//! means: no scheme means `https://`, `http://` is kept (the site may have nothing else) but
//! flagged, and anything else is not a web address. Validation, the policy text and the wizard
//! (through the `normalise_url` command, on leaving the field) all use [`normalise_url`], so the
//! three can never disagree. The saved answer keeps what the owner typed unless the app asks.

use serde::Serialize;

use crate::text;

/// A web address ready to print and link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct NormalisedUrl {
    /// The address with its scheme: what was typed, trimmed, with `https://` added when it had
    /// none. Otherwise as typed (the host's case and a missing final `/` are left alone).
    pub url: String,
    /// True for an `http://` address: the page is sent unencrypted, which validation flags.
    pub insecure: bool,
}

/// Why typed text is not a web address.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// Not a web address at all (blank, another scheme, no host).
    #[error("\"{0}\" is not a web address")]
    Malformed(String),
    /// A user name or password stands before the host (`https://bank.example@evil.example`),
    /// which a reader would take for the host.
    #[error("\"{0}\" has a user name or password before the \"@\"")]
    Credentials(String),
}

/// What `typed` means as a web address; see the module docs.
pub fn normalise_url(typed: &str) -> Result<NormalisedUrl, UrlError> {
    let trimmed = typed.trim();
    let malformed = || UrlError::Malformed(trimmed.to_owned());
    if trimmed.is_empty() || trimmed.chars().any(char::is_whitespace) {
        return Err(malformed());
    }
    let candidate = if trimmed.contains("://") {
        trimmed.to_owned()
    } else if let Some(rest) = trimmed.strip_prefix("//") {
        format!("https://{rest}")
    } else {
        // `mailto:`, `javascript:`, `tel:` and the like: a scheme, but not a web one. (A host
        // with a port, `example.com:8080`, has a dot before the colon and passes on.)
        let scheme_like = trimmed
            .split_once(':')
            .is_some_and(|(before, _)| before.chars().all(|c| c.is_ascii_alphabetic()));
        if scheme_like {
            return Err(malformed());
        }
        format!("https://{trimmed}")
    };
    let parsed = url::Url::parse(&candidate).map_err(|_| malformed())?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(UrlError::Credentials(trimmed.to_owned()));
    }
    let added = candidate.len() != trimmed.len();
    // "hello" is not a site; "www.example.ie" is. An explicit scheme keeps its host as given.
    let host_ok = parsed
        .host_str()
        .is_some_and(|h| !h.is_empty() && (!added || h.contains('.')));
    if !host_ok || text::web_url(&candidate).is_none() {
        return Err(malformed());
    }
    Ok(NormalisedUrl {
        insecure: parsed.scheme() == "http",
        url: candidate,
    })
}

/// The printable address of an optional answer: `None` when blank or not a web address.
pub fn printable(answer: &Option<String>) -> Option<String> {
    let typed = answer.as_deref()?;
    normalise_url(typed).ok().map(|n| n.url)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(typed: &str) -> (String, bool) {
        let n = normalise_url(typed).unwrap_or_else(|e| panic!("{typed}: {e}"));
        (n.url, n.insecure)
    }

    #[test]
    fn an_address_without_a_scheme_gets_https() {
        for (typed, url) in [
            (
                "www.brightsmiledental.ie",
                "https://www.brightsmiledental.ie",
            ),
            ("  example.com/privacy  ", "https://example.com/privacy"),
            ("example.com:8080/x", "https://example.com:8080/x"),
            ("//cdn.example.com", "https://cdn.example.com"),
        ] {
            assert_eq!(ok(typed), (url.to_owned(), false), "{typed}");
        }
    }

    #[test]
    fn https_is_kept_as_typed_and_http_is_kept_but_flagged() {
        assert_eq!(
            ok("https://Example.com/Privacy?x=1"),
            ("https://Example.com/Privacy?x=1".to_owned(), false)
        );
        assert_eq!(
            ok("http://example.com"),
            ("http://example.com".to_owned(), true)
        );
        assert!(ok("HTTP://example.com").1);
    }

    #[test]
    fn what_is_not_a_web_address_is_refused() {
        for typed in [
            "",
            "   ",
            "hello",
            "mailto:privacy@example.com",
            "javascript:alert(1)",
            "tel:+44123",
            "ftp://files.example.com",
            "file:///etc/passwd",
            "https://",
            "www.example .com",
        ] {
            assert!(
                matches!(normalise_url(typed), Err(UrlError::Malformed(_))),
                "{typed}: {:?}",
                normalise_url(typed)
            );
        }
        for typed in ["https://user:pass@example.com", "bank.example@evil.example"] {
            assert!(
                matches!(normalise_url(typed), Err(UrlError::Credentials(_))),
                "{typed}"
            );
        }
    }

    #[test]
    fn printable_answers_are_normalised_or_left_out() {
        assert_eq!(
            printable(&Some("www.example.com".into())),
            Some("https://www.example.com".into())
        );
        assert_eq!(printable(&Some("not a url".into())), None);
        assert_eq!(printable(&None), None);
    }
}
