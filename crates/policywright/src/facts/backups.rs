//! Backups: whether the owner keeps them, and for how long, so the retention section can say
//! how long deleted data may linger in them.

use crate::model::{Project, SecurityMeasure};

/// What the answers say about backups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BackupFacts {
    /// The owner keeps backups (the security measure "backups"), where deleted data stays until
    /// the backup is replaced.
    pub kept: bool,
    /// The most days a backup is kept before it is replaced or deleted, as the owner answered.
    /// Only for an owner who keeps backups, and only a period in range, so the policy never
    /// states a period nobody gave or that cannot be right.
    pub period_days: Option<u32>,
    /// Backups are kept and the owner has given no period (a period out of range is
    /// `number.out-of-range`, not missing).
    pub period_missing: bool,
}

impl BackupFacts {
    pub(super) fn derive(p: &Project) -> BackupFacts {
        let kept = p.security.contains(&SecurityMeasure::Backups);
        let period_days = p
            .backups
            .kept_days
            .filter(|d| kept && crate::model::bounds::BACKUP_KEPT_DAYS.allows(*d));
        BackupFacts {
            kept,
            period_days,
            period_missing: kept && p.backups.kept_days.is_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project(security: &[SecurityMeasure], kept_days: Option<u32>) -> Project {
        let mut p = Project::blank();
        p.security = security.to_vec();
        p.backups.kept_days = kept_days;
        p
    }

    #[test]
    fn the_period_is_the_answer_of_an_owner_who_keeps_backups() {
        let b = BackupFacts::derive(&project(&[SecurityMeasure::Backups], Some(35)));
        assert_eq!(
            b,
            BackupFacts {
                kept: true,
                period_days: Some(35),
                period_missing: false,
            }
        );
    }

    #[test]
    fn without_an_answer_backups_are_kept_for_no_stated_period() {
        let b = BackupFacts::derive(&project(&[SecurityMeasure::Backups], None));
        assert_eq!(b.period_days, None);
        assert!(b.kept && b.period_missing);
    }

    #[test]
    fn a_period_left_over_after_backups_are_unticked_is_not_stated() {
        let b = BackupFacts::derive(&project(&[SecurityMeasure::AccessControl], Some(35)));
        assert_eq!(
            b,
            BackupFacts {
                kept: false,
                period_days: None,
                period_missing: false,
            }
        );
    }

    #[test]
    fn a_period_out_of_range_is_not_stated() {
        // Validation reports it (number.out-of-range); the text states no period meanwhile.
        for days in [0, 3651] {
            let b = BackupFacts::derive(&project(&[SecurityMeasure::Backups], Some(days)));
            assert_eq!(b.period_days, None, "{days}");
            assert!(!b.period_missing, "{days}");
        }
    }
}
