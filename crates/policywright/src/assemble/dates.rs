//! Dates in project files (`YYYY-MM-DD`) and how the policy spells them.

use time::{Date, macros::format_description};

/// Parses a `YYYY-MM-DD` date.
pub fn parse_date(text: &str) -> Option<Date> {
    Date::parse(text.trim(), format_description!("[year]-[month]-[day]")).ok()
}

/// The language's month names (its strings' `months`).
pub(crate) fn months(s: &toml::Table) -> Vec<String> {
    s.get("months")
        .and_then(|m| m.as_array())
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// "1 March 2026", with month names from the language's strings.
pub(crate) fn spell(date: Date, months: &[String]) -> String {
    let month = months
        .get(usize::from(u8::from(date.month())) - 1)
        .cloned()
        .unwrap_or_default();
    format!("{} {} {}", date.day(), month, date.year())
}
