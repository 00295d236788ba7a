//! Turning untrusted text into Markdown that means exactly that text.
//!
//! Everything an owner types reaches the policy through here. Inline text has every character
//! that could start Markdown syntax backslash-escaped and its line breaks folded into spaces, so a
//! company name can never become a link, an image, a heading, HTML or an entity. Free-form answers
//! become their own quoted paragraphs ([`own_words`]) instead of being spliced into a sentence.
//! Links are only ever built here, from URLs that parse with an `http`/`https` scheme and no
//! user name or password, or from addresses that look like email addresses.
//!
//! The Markdown is also meant to go through static site generators, which run a template engine
//! (Liquid, Nunjucks) over it first. So no `{` an owner typed ever reaches an output raw: in text
//! it becomes the character reference `&#123;` (every Markdown renderer shows it as `{`), in link
//! destinations `%7B`. Bidirectional embeddings, overrides and isolates are dropped, so a name
//! cannot make our own sentences display reversed.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters escaped wherever they stand. Every one is ASCII punctuation, which CommonMark allows
/// to be backslash-escaped; together they cover emphasis, code, links, images, autolinks (also the
/// `scheme:` and `name@host` forms GitHub-flavoured renderers detect), raw HTML, entities, tables,
/// strikethrough and heading attributes. (`{` is not here: it is written as a character
/// reference, see [`BRACE_REFERENCE`].)
const SPECIAL: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '(', ')', '<', '>', '&', '!', '|', '~', '}', ':', '@', '$',
];

/// Characters that only mean something at the start of a line (headings, list items, setext
/// underlines); escaped when the text starts with them.
const LINE_START: &[char] = &['#', '-', '+', '=', '>'];

/// A `{` written so that no template engine sees a delimiter (`{{`, `{%`, `{#`, Hugo's `{{<`)
/// while every Markdown and HTML reader still shows a brace.
pub const BRACE_REFERENCE: &str = "&#123;";

/// True for the bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069).
/// Unbalanced, they reorder whatever follows them on the line, our own words included. The marks
/// U+200E and U+200F only set the direction of neutral characters next to them, so they stay.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// `text` without bidirectional embeddings, overrides and isolates, for owner text that is
/// printed without going through [`inline`] (titles, front matter, HTML attributes).
pub fn without_bidi_controls(text: &str) -> Cow<'_, str> {
    if text.chars().any(is_bidi_control) {
        Cow::Owned(text.chars().filter(|&c| !is_bidi_control(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Escapes text for use inside a Markdown sentence, list item or table cell.
///
/// Control characters and line breaks become spaces so the text stays on its line; runs of spaces
/// fold to one. A `.` is escaped only where a renderer could read it (`1.` list markers, `www.`
/// autolinks, and a dot between letters or digits, which linkify with fuzzy links on reads as a
/// domain: `evil.com`), which keeps ordinary sentences readable in the Markdown file. A `/`
/// before another `/` is escaped because linkify (markdown-it's, VitePress's) links a
/// scheme-less `//host`. `{` becomes [`BRACE_REFERENCE`], and bidi controls are dropped.
pub fn inline(text: &str) -> String {
    escape(text, Place::Text)
}

/// Where escaped text goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Running text, where linkify may look for bare domains and `//host`.
    Text,
    /// A link's own text: links do not nest, so linkify leaves it alone and the address a link
    /// shows as its label stays readable.
    LinkText,
}

/// The escaping [`inline`] describes, for text that goes to `place`.
fn escape(text: &str, place: Place) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut last_space = true;
    let chars: Vec<char> = text.chars().filter(|&c| !is_bidi_control(c)).collect();
    let alphanumeric_at = |i: usize| chars.get(i).is_some_and(|c| c.is_alphanumeric());
    for (i, &c) in chars.iter().enumerate() {
        if c == '{' {
            out.push_str(BRACE_REFERENCE);
            last_space = false;
            continue;
        }
        if c.is_control() || c.is_whitespace() {
            if !last_space {
                out.push(' ');
                last_space = true;
            }
            continue;
        }
        last_space = false;
        let escape = match c {
            '.' => {
                (i > 0 && chars[i - 1].is_ascii_digit())
                    || (i >= 3 && chars[i - 3..i].iter().all(|w| w.eq_ignore_ascii_case(&'w')))
                    || (place == Place::Text
                        && i > 0
                        && alphanumeric_at(i - 1)
                        && alphanumeric_at(i + 1))
            }
            '/' => place == Place::Text && chars.get(i + 1) == Some(&'/'),
            c if out.is_empty() && LINE_START.contains(&c) => true,
            c => SPECIAL.contains(&c),
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Renders a free-form answer as its own block quote: one quoted paragraph per paragraph the owner
/// wrote (paragraphs are separated by blank lines). Framing it as a quote shows the reader these
/// are the owner's own words, and keeps them out of our sentences.
pub fn own_words(text: &str) -> String {
    let mut out = String::new();
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    for para in normalised.split("\n\n") {
        let escaped = inline(para);
        if escaped.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push_str(">\n");
        }
        let _ = writeln!(out, "> {escaped}");
    }
    out
}

/// The `http`/`https` URL in `text`, normalised, or `None` when it is not one.
///
/// A URL with a user name or password (`https://user:pass@host/`,
/// `https://trusted.example@evil.example/`) is refused: browsers drop or warn about the part
/// before `@`, and a reader of the policy would take it for the host.
pub fn web_url(text: &str) -> Option<url::Url> {
    let parsed = url::Url::parse(text.trim()).ok()?;
    let ok = matches!(parsed.scheme(), "http" | "https")
        && parsed.host_str().is_some_and(|h| !h.is_empty())
        && parsed.username().is_empty()
        && parsed.password().is_none();
    ok.then_some(parsed)
}

/// True when `text` has the shape of an email address: one `@`, a local part, a dotted domain,
/// and none of the characters that would need quoting.
pub fn is_email(text: &str) -> bool {
    let Some((local, domain)) = text.split_once('@') else {
        return false;
    };
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || "!#$%&'*+/=?^_`{|}~.-".contains(c))
            && !s.starts_with('.')
            && !s.ends_with('.')
            && !s.contains("..")
    };
    plain(local)
        && plain(domain)
        && domain.contains('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        && local.len() <= 64
        && text.len() <= 254
}

/// A link destination for a parsed URL. The URL parser has already percent-encoded spaces and
/// angle brackets; `&` and `\` are backslash-escaped so Markdown does not decode `&lt;` and the
/// like inside the destination, and the link goes exactly where the validated URL says. The
/// parser leaves `{` and `}` raw in a query or fragment, where a template engine would read
/// `{{`, `{%` or `{#`; they are percent-encoded, as RFC 3986 spells them, and servers decode
/// both spellings to the same query.
fn destination(url: &url::Url) -> String {
    let mut out = String::with_capacity(url.as_str().len() + 2);
    out.push('<');
    for c in url.as_str().chars() {
        match c {
            '{' => out.push_str("%7B"),
            '}' => out.push_str("%7D"),
            '&' | '\\' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// A Markdown link to a web address, labelled with the address itself (without the scheme), or
/// the escaped text when it is not a web address.
pub fn web_link(text: &str) -> String {
    match web_url(text) {
        Some(url) => {
            let shown = url
                .as_str()
                .trim_start_matches("https://")
                .trim_start_matches("http://");
            let shown = shown.strip_suffix('/').unwrap_or(shown);
            format!(
                "[{}]({})",
                escape(shown, Place::LinkText),
                destination(&url)
            )
        }
        None => inline(text),
    }
}

/// A Markdown link to a web address with our own label.
pub fn labelled_link(label: &str, text: &str) -> String {
    match web_url(text) {
        Some(url) => format!(
            "[{}]({})",
            escape(label, Place::LinkText),
            destination(&url)
        ),
        None => inline(text),
    }
}

/// A `mailto:` link for an email address, or the escaped text when it is not one.
pub fn email_link(text: &str) -> String {
    let text = text.trim();
    if is_email(text) {
        let mut dest = String::from("mailto:");
        for c in text.chars() {
            // Percent-encode what a link destination must not carry raw.
            if c.is_ascii_alphanumeric() || "@.-_+".contains(c) {
                dest.push(c);
            } else {
                let mut buf = [0u8; 4];
                for b in c.encode_utf8(&mut buf).bytes() {
                    let _ = write!(dest, "%{b:02X}");
                }
            }
        }
        format!("[{}](<{}>)", escape(text, Place::LinkText), dest)
    } else {
        inline(text)
    }
}

/// A label lowercased for use mid-sentence ("Usage data" → "usage data"), leaving words that
/// start with an acronym alone ("IP address").
pub fn lower_first(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_owned(),
    }
}

/// Joins already-escaped items as an English list: "a", "a and b", "a, b and c".
pub fn join_and(items: &[String]) -> String {
    join_with(items, "and")
}

/// Joins items as alternatives, any one of which will do: "a, b or c".
pub fn join_or(items: &[String]) -> String {
    join_with(items, "or")
}

fn join_with(items: &[String], word: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {word} {}", init.join(", "), last),
    }
}

/// Tidies text that template control flow has left ragged: no trailing spaces, at most one blank
/// line in a row, no blank lines at either end.
pub(crate) fn collapse_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_escapes_markdown_syntax() {
        assert_eq!(
            inline("[x](javascript:alert(1))"),
            r"\[x\]\(javascript\:alert\(1\)\)"
        );
        assert_eq!(inline("<b>hi</b>"), r"\<b\>hi\</b\>");
        assert_eq!(inline("# b"), r"\# b");
        assert_eq!(inline("a - b"), "a - b");
        assert_eq!(inline("see www.example.com"), r"see www\.example\.com");
        assert_eq!(inline("&amp;"), r"\&amp;");
        assert_eq!(inline("1. first"), r"1\. first");
    }

    #[test]
    fn inline_keeps_plain_sentences_readable() {
        assert_eq!(inline("Acme Ltd. sells tea"), "Acme Ltd. sells tea");
        assert_eq!(inline("  spaced   out  "), "spaced out");
    }

    #[test]
    fn own_words_quotes_each_paragraph() {
        assert_eq!(
            own_words("first\nline\n\n# second"),
            "> first line\n>\n> \\# second\n"
        );
        assert_eq!(own_words("\n\n"), "");
    }

    #[test]
    fn web_link_accepts_only_http_urls() {
        assert_eq!(
            web_link("https://example.com/privacy"),
            "[example.com/privacy](<https://example.com/privacy>)"
        );
        assert_eq!(web_link("javascript:alert(1)"), r"javascript\:alert\(1\)");
        assert_eq!(
            web_link("https://example.com/x"),
            "[example.com/x](<https://example.com/x>)"
        );
        assert_eq!(
            web_link("https://example.com/a b"),
            "[example.com/a%20b](<https://example.com/a%20b>)"
        );
    }

    #[test]
    fn link_destinations_are_not_entity_decoded() {
        let md = web_link("https://example.com/a&lt;b");
        assert_eq!(md, r"[example.com/a\&lt;b](<https://example.com/a\&lt;b>)");
        let mut dest = None;
        for event in pulldown_cmark::Parser::new(&md) {
            if let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Link { dest_url, .. }) = event
            {
                dest = Some(dest_url.to_string());
            }
        }
        assert_eq!(dest.as_deref(), Some("https://example.com/a&lt;b"));
    }

    #[test]
    fn braces_never_reach_the_markdown_raw() {
        assert_eq!(
            inline("Kestrel {{ site.title }} GmbH"),
            r"Kestrel &#123;&#123; site\.title \}\} GmbH"
        );
        assert_eq!(inline("{% comment"), "&#123;% comment");
        assert_eq!(inline("{#x #}"), r"&#123;#x #\}");
        assert_eq!(inline("{"), "&#123;");
        // Readers still see the braces the owner typed.
        let html = crate::render::html::body_html(&inline("{{7|plus:1330}} {%raw%}"));
        assert_eq!(html, "<p>{{7|plus:1330}} {%raw%}</p>\n");
    }

    #[test]
    fn link_destinations_percent_encode_braces() {
        assert_eq!(
            web_link("https://kestrel.example/?q={{7|plus:1330}}#{%raw%}"),
            r"[kestrel.example/?q=&#123;&#123;7\|plus\:1330\}\}#&#123;%raw%\}](<https://kestrel.example/?q=%7B%7B7|plus:1330%7D%7D#%7B%raw%%7D>)"
        );
        assert_eq!(
            labelled_link("policy", "https://x.example/{#a}"),
            "[policy](<https://x.example/%7B#a%7D>)"
        );
    }

    #[test]
    fn bidi_controls_are_dropped_and_marks_kept() {
        let all = "a\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}b\u{2066}\u{2067}\u{2068}\u{2069}c";
        assert_eq!(inline(all), "abc");
        assert_eq!(without_bidi_controls(all), "abc");
        assert_eq!(inline("a\u{200E}b\u{200F}c"), "a\u{200E}b\u{200F}c");
        assert!(matches!(
            without_bidi_controls("plain"),
            Cow::Borrowed("plain")
        ));
        assert_eq!(own_words("x\u{202E}y\n\n\u{2067}z"), "> xy\n>\n> z\n");
    }

    #[test]
    fn scheme_less_links_are_broken_up_for_linkify() {
        assert_eq!(inline("//evil.example"), r"\//evil\.example");
        assert_eq!(inline("https://evil.example"), r"https\:\//evil\.example");
        assert_eq!(inline("a/b / c"), "a/b / c");
        assert_eq!(inline("Shop.com Ltd. e.g. x"), r"Shop\.com Ltd. e\.g. x");
        assert_eq!(inline("münchen.de"), r"münchen\.de");
        // In a link's own text linkify does nothing, so the shown address stays readable.
        assert_eq!(
            web_link("https://shop.example//a"),
            "[shop.example//a](<https://shop.example//a>)"
        );
    }

    #[test]
    fn urls_with_user_names_or_passwords_are_not_web_addresses() {
        assert!(web_url("https://user:pass@evil.example/").is_none());
        assert!(web_url("https://trusted-bank.example@evil.example/login").is_none());
        assert!(web_url("https://:pass@evil.example/").is_none());
        assert!(web_url("https://evil.example/a@b?c=d@e").is_some());
        assert_eq!(
            web_link("https://user:pass@evil.example/"),
            r"https\:\//user\:pass\@evil\.example/"
        );
    }

    #[test]
    fn email_checks_shape() {
        assert!(is_email("privacy@example.com"));
        assert!(!is_email("privacy@example"));
        assert!(!is_email("a b@example.com"));
        assert!(!is_email("<x>@example.com"));
        assert_eq!(
            email_link("hi@example.com"),
            r"[hi\@example.com](<mailto:hi@example.com>)"
        );
    }

    #[test]
    fn blank_lines_collapse_to_one() {
        assert_eq!(collapse_blank_lines("\n\na  \n\n\n\nb\nc\n\n"), "a\n\nb\nc");
    }

    #[test]
    fn lower_first_keeps_acronyms() {
        assert_eq!(lower_first("Usage data"), "usage data");
        assert_eq!(lower_first("IP address"), "IP address");
        assert_eq!(lower_first(""), "");
    }

    #[test]
    fn join_and_reads_as_english() {
        let s = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(join_and(&s(&["a"])), "a");
        assert_eq!(join_and(&s(&["a", "b"])), "a and b");
        assert_eq!(join_and(&s(&["a", "b", "c"])), "a, b and c");
    }
}
