//! The range each number an owner types must fall in, in one place: validation reports a number
//! outside its range (`number.out-of-range`), the project schema states the ranges, and the
//! wizard's number boxes take their limits from [`BOUNDS`] (exported to the UI as
//! `ui/src/generated/bounds.ts`). Every whole-number answer of the model has a bound here; a test
//! walks the project schema to keep it so.

use serde::Serialize;

/// The allowed range of one number an owner types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Bound {
    /// The answer's path; `[*]` stands for any item of a list (`data[*].retention.amount`).
    pub path: &'static str,
    /// What the answer is, as a finding names it at the start of a sentence ("Minimum age").
    pub name: &'static str,
    /// The smallest number allowed.
    pub min: u32,
    /// The largest number allowed.
    pub max: u32,
    /// The largest number the answer's type can hold (255 for an age). The wizard stores no
    /// more than this, so a project with a wrong number still opens and the finding says what is
    /// allowed.
    pub holds: u32,
}

impl Bound {
    /// True when `value` is allowed.
    pub const fn allows(&self, value: u32) -> bool {
        value >= self.min && value <= self.max
    }

    /// What is wrong with `value`, in plain words, when it is outside the range.
    pub fn problem(&self, value: u32) -> Option<String> {
        (!self.allows(value)).then(|| {
            format!(
                "{} must be between {} and {}; it is {value}.",
                self.name, self.min, self.max
            )
        })
    }
}

/// `children.minimum_age`. 13 (COPPA), 16 (GDPR Art. 8's default age of consent) and 18 or 21
/// (majority, and age limits such as for alcohol in the US) are the ages laws ask about; from 21
/// no law about minors asks anything more, and the wizard has always stopped there. 0 is no
/// minimum: leave the answer out.
pub const MINIMUM_AGE: Bound = Bound {
    path: "children.minimum_age",
    name: "Minimum age",
    min: 1,
    max: 21,
    holds: u8::MAX as u32,
};

/// `minors.excluded_under`. The US state laws on teenagers protect them from 13 (younger
/// children are COPPA's) up to 16 (California, Oregon) or 18 (Connecticut, Colorado).
pub const MINORS_EXCLUDED_UNDER: Bound = Bound {
    path: "minors.excluded_under",
    name: "The age under which people are left out",
    min: 13,
    max: 18,
    holds: u8::MAX as u32,
};

/// `breach.authority_within_hours`. GDPR Art. 33 asks for 72 hours; a promise of more than 30
/// days (720 hours) is none. 0 hours cannot be kept: leave the answer out when the law sets no
/// deadline.
pub const BREACH_AUTHORITY_HOURS: Bound = Bound {
    path: "breach.authority_within_hours",
    name: "Hours to tell the regulator",
    min: 1,
    max: 720,
    holds: u32::MAX,
};

/// `ai.provider_keeps_days`. Providers keep content for abuse checks for days or weeks; ten
/// years covers any contract. A provider that keeps nothing is the answer "does not keep
/// content", not 0 days.
pub const AI_PROVIDER_KEEPS_DAYS: Bound = Bound {
    path: "ai.provider_keeps_days",
    name: "The days your AI provider keeps content",
    min: 1,
    max: 3650,
    holds: u32::MAX,
};

/// `backups.kept_days`. Backups are commonly replaced after days or weeks, and archives are kept
/// for a few years; ten years covers any archive kept for records the law keeps longest. A
/// backup kept 0 days is no backup: leave the answer out.
pub const BACKUP_KEPT_DAYS: Bound = Bound {
    path: "backups.kept_days",
    name: "The days a backup is kept",
    min: 1,
    max: 3650,
    holds: u32::MAX,
};

/// `data[*].retention.amount`, in days, months or years. A period of 0 keeps nothing; 1,000 of
/// any unit is longer than any law asks records to be kept.
pub const RETENTION_AMOUNT: Bound = Bound {
    path: "data[*].retention.amount",
    name: "The retention period",
    min: 1,
    max: 1000,
    holds: u32::MAX,
};

/// `data[*].retention.grace_days`, after an account is closed. 0 deletes at once; ten years
/// covers the longest limitation periods for claims.
pub const RETENTION_GRACE_DAYS: Bound = Bound {
    path: "data[*].retention.grace_days",
    name: "The days kept after the account is closed",
    min: 0,
    max: 3650,
    holds: u32::MAX,
};

/// Every number an owner types, in the wizard's order.
pub const BOUNDS: &[Bound] = &[
    RETENTION_AMOUNT,
    RETENTION_GRACE_DAYS,
    BACKUP_KEPT_DAYS,
    BREACH_AUTHORITY_HOURS,
    MINIMUM_AGE,
    MINORS_EXCLUDED_UNDER,
    AI_PROVIDER_KEEPS_DAYS,
];

/// The bound of the answer at `path` (`[*]` for list items), if it is a number with one.
pub fn bound(path: &str) -> Option<&'static Bound> {
    BOUNDS.iter().find(|b| b.path == path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bound_allows_its_ends_and_refuses_beyond_them() {
        for b in BOUNDS {
            assert!(b.min <= b.max && b.max <= b.holds, "{}", b.path);
            for inside in [b.min, b.max, (b.min + b.max) / 2] {
                assert!(
                    b.allows(inside) && b.problem(inside).is_none(),
                    "{}",
                    b.path
                );
            }
            assert!(!b.allows(b.max + 1), "{}", b.path);
            if b.min > 0 {
                assert!(!b.allows(b.min - 1), "{}", b.path);
            }
        }
    }

    #[test]
    fn the_problem_names_the_answer_and_its_range() {
        assert_eq!(
            MINIMUM_AGE.problem(40).as_deref(),
            Some("Minimum age must be between 1 and 21; it is 40.")
        );
        assert_eq!(bound("children.minimum_age"), Some(&MINIMUM_AGE));
        assert_eq!(bound("children.age"), None);
    }

    #[test]
    fn paths_are_unique() {
        let mut paths: Vec<&str> = BOUNDS.iter().map(|b| b.path).collect();
        paths.sort_unstable();
        paths.dedup();
        assert_eq!(paths.len(), BOUNDS.len());
    }
}
