//! The reminder to review a published policy: a warning when the latest version is more than
//! [`REVIEW_MONTHS`] months old. California's CCPA asks for the policy's information to be
//! updated at least once every 12 months (law fact `ccpa.yearly-update`); for everyone else a
//! yearly look is good practice, and the warning says only that.
//!
//! The day is passed in ([`crate::validate::validate_on`]), so tests fix the clock.

use time::Date;

use crate::facts::Facts;
use crate::law::LawFacts;
use crate::validate::{At, Findings, registry};

/// How old the latest version may get before the reminder.
pub const REVIEW_MONTHS: u8 = 12;

/// The day `REVIEW_MONTHS` months after `date` (the last day of the month when it has fewer
/// days, so 29 Feb is due on 28 Feb).
pub fn due(date: Date) -> Date {
    let months = u32::from(date.month() as u8) - 1 + u32::from(REVIEW_MONTHS);
    let year = date.year() + (months / 12) as i32;
    let month = time::Month::try_from((months % 12) as u8 + 1).unwrap_or(date.month());
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).unwrap_or(date)
}

/// Adds the reminder when the latest version is due for review on or before `today`.
pub(crate) fn check(facts: &Facts<'_>, law: &LawFacts, today: Date, f: &mut Findings) {
    let Some(last) = super::latest(facts.answers()) else {
        return;
    };
    let Some(date) = crate::assemble::parse_date(&last.date) else {
        return;
    };
    if due(date) > today {
        return;
    }
    let why = match law.get("ccpa.yearly-update") {
        Some(fact) if facts.regions.has(&fact.law) => format!(
            "The CCPA asks you to update the information in your policy at least once every 12 months ({}).",
            fact.citation
        ),
        _ => "Review it at least once a year, so it still says what you do.".to_owned(),
    };
    f.add(
        &registry::REVIEW_OVERDUE,
        At::field("history"),
        format!(
            "The latest version, {}, was published on {}, more than {REVIEW_MONTHS} months ago. {why}",
            last.number, last.date
        ),
    );
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;

    #[test]
    fn due_a_year_later_even_from_a_leap_day() {
        assert_eq!(due(date!(2026 - 03 - 01)), date!(2027 - 03 - 01));
        assert_eq!(due(date!(2028 - 02 - 29)), date!(2029 - 02 - 28));
        assert_eq!(due(date!(2026 - 12 - 31)), date!(2027 - 12 - 31));
    }
}
