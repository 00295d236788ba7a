//! Facts: every conclusion the policy text and the checks rest on, drawn once from the answers.
//!
//! A [`Facts`] value is built from a [`Project`] and the [`Catalogues`] before anything else reads
//! the answers. Validation ([`crate::validate`]) and assembly ([`crate::assemble`]) both take it,
//! so a conclusion such as "this project sets non-essential cookies" is computed in exactly one
//! place and the checks can never disagree with the text they check.
//!
//! What counts as a fact: anything derived (a region group, whether consent is used, which
//! vendors set cookies, where data goes), never a raw answer repeated. Raw answers that are only
//! printed (names, addresses, free text) stay on the project, reached through [`Facts::answers`].
//!
//! Ids the catalogues do not know are left out of every fact (validation reports them), so a
//! fact never rests on a typo.

mod backups;
mod ccpa;
mod certification;
mod cookies;
mod data;
mod governance;
pub mod licenses;
mod regions;
mod sensitive;
mod special;
mod tracking;
mod transfers;
mod vendors;

pub use backups::BackupFacts;
pub use ccpa::CcpaCategoryFact;
pub use certification::CertificationFacts;
pub use cookies::CookieFacts;
pub use data::{DataFacts, PurposeFacts, ResolvedData, ResolvedPurpose};
pub use governance::GovernanceFacts;
pub use regions::{Home, Regions};
pub use sensitive::SensitiveFacts;
pub use special::SpecialFacts;
pub use tracking::TrackingFacts;
pub use transfers::{
    Adequacy, Destination, Mechanism, Onward, RegimeTransfers, Route, TransferFacts,
};
pub use vendors::{ListedVendor, VendorFact, VendorFacts, VendorOrigin};

use crate::catalogue::Catalogues;
use crate::model::{DntResponse, Project};

/// Everything concluded from one project's answers.
pub struct Facts<'a> {
    answers: &'a Project,
    catalogues: &'a Catalogues,
    /// Where the organisation is based.
    pub home: Home,
    /// The data protection authority that supervises the organisation where it is based (EEA
    /// countries only), or why there is none.
    pub authority: crate::authorities::Found<'a>,
    /// The regions whose laws the owner addresses, and the groups the text speaks of.
    pub regions: Regions,
    /// The data collected, resolved against the catalogue.
    pub data: DataFacts<'a>,
    /// The purposes, resolved, with the legal bases they rest on.
    pub purposes: PurposeFacts<'a>,
    /// The vendors that receive data, from the catalogue and described by the owner.
    pub vendors: VendorFacts<'a>,
    /// The cookies set, by the owner and by its vendors.
    pub cookies: CookieFacts<'a>,
    /// Where data goes, per law addressed, and the mechanism for each recipient.
    pub transfers: TransferFacts<'a>,
    /// The CCPA's statutory categories collected, with who receives them.
    pub ccpa: Vec<CcpaCategoryFact<'a>>,
    /// Selling and sharing for targeted advertising.
    pub sale: SaleFacts,
    /// Children and minimum age.
    pub children: ChildrenFacts,
    /// Purposes that use special-category data (GDPR Art. 9), with their Art. 9(2) conditions.
    pub special: SpecialFacts<'a>,
    /// Sensitive personal information under US laws, and its uses.
    pub sensitive: SensitiveFacts<'a>,
    /// Technology that identifies, locates or profiles people (Quebec).
    pub tracking: TrackingFacts<'a>,
    /// Some purpose profiles people: personalisation or targeted advertising.
    pub profiling: bool,
    /// Browser privacy signals the owner honours.
    pub signals: SignalFacts,
    /// Backups, and how long they are kept.
    pub backups: BackupFacts,
    /// A security certification, and its standard.
    pub certification: CertificationFacts<'a>,
    /// Where the owner describes its governance policies for personal information (Quebec).
    pub governance: GovernanceFacts,
}

/// Selling personal information and sharing it for targeted advertising (US state laws).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SaleFacts {
    /// The owner said they sell personal information.
    pub sells: bool,
    /// The owner said they share it for cross-context targeted advertising.
    pub shares: bool,
    /// Both questions have an answer (yes or no).
    pub answered: bool,
    /// The owner answered "no" to sharing for targeted advertising.
    pub denies_sharing: bool,
    /// An ad platform receives data, which shares it for targeted advertising whatever the
    /// owner answered.
    pub via_ad_platforms: bool,
    /// A purpose shows the owner's ads on other websites (the catalogue's `advertising`):
    /// targeted advertising, even when nothing is shared for it.
    pub advertises: bool,
}

impl SaleFacts {
    /// Sells or shares.
    pub fn either(&self) -> bool {
        self.sells || self.shares
    }

    /// Sells, shares, or targets ads: what the US state rules on minors restrict.
    pub fn sells_or_targets_ads(&self) -> bool {
        self.either() || self.advertises
    }
}

/// Whether the service reaches children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChildrenFacts {
    /// The service is designed for children.
    pub directed: bool,
    /// The minimum age the owner set, if any.
    pub minimum_age: Option<u8>,
    /// Children under 13 (COPPA's age) may use the service: it is designed for them, or its
    /// minimum age is below 13.
    pub under_13_admitted: bool,
    /// Minors may use the service: no minimum age, or one below 18.
    pub minors_admitted: bool,
    /// People known to be under this age are left out of sale, sharing, targeted advertising
    /// and profiling, as the owner answered.
    pub excluded_under: Option<u8>,
    /// Teenagers opt in (and parents for younger children) before their data is sold or shared.
    pub opt_in_before_sale: bool,
    /// The age under which people known to be that young are left out of sale, sharing,
    /// targeted advertising and profiling: the owner's answer, or the minimum age when that is
    /// higher (a minimum age of 16 or more counts on its own: nobody younger may use it).
    pub protected_under: Option<u8>,
    /// Children under 14 may use the service: it is designed for children, or it has no minimum
    /// age or one below 14 (Quebec's age of consent to collection).
    pub under_14_admitted: bool,
    /// The owner described how a parent or guardian gives consent.
    pub parental_consent_described: bool,
}

impl ChildrenFacts {
    /// The owner has said how minors are treated for sale, sharing and profiling.
    pub fn minors_answered(&self) -> bool {
        self.excluded_under.is_some() || self.opt_in_before_sale
    }

    fn derive(p: &Project) -> ChildrenFacts {
        let minimum_age = p.children.minimum_age;
        let directed = p.children.directed_at_children;
        let excluded_under = p.minors.excluded_under;
        ChildrenFacts {
            directed,
            minimum_age,
            under_13_admitted: directed || minimum_age.is_some_and(|a| a < 13),
            minors_admitted: directed || minimum_age.is_none_or(|a| a < 18),
            excluded_under,
            opt_in_before_sale: p.minors.opt_in_before_sale,
            protected_under: match (excluded_under, minimum_age) {
                (Some(a), Some(m)) => Some(a.max(m)),
                (Some(a), None) => Some(a),
                (None, Some(m)) if m >= 16 => Some(m),
                _ => None,
            },
            under_14_admitted: directed || minimum_age.is_none_or(|a| a < 14),
            parental_consent_described: p
                .children
                .parental_consent
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty()),
        }
    }
}

impl ChildrenFacts {
    /// The policy says something specific about age: a minimum age or a children's service.
    pub fn age_stated(&self) -> bool {
        self.directed || self.minimum_age.is_some()
    }
}

/// Browser signals honoured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignalFacts {
    /// Do Not Track switches off analytics and marketing cookies.
    pub do_not_track: bool,
    /// Global Privacy Control is treated as an opt-out of sale and sharing.
    pub global_privacy_control: bool,
}

impl<'a> Facts<'a> {
    /// Draws every fact from the answers.
    pub fn derive(answers: &'a Project, catalogues: &'a Catalogues) -> Facts<'a> {
        let home = Home::derive(answers, catalogues);
        let regions = Regions::derive(answers, catalogues);
        let data = DataFacts::derive(answers, catalogues);
        let purposes = PurposeFacts::derive(answers, catalogues);
        let special = SpecialFacts::derive(&data, &purposes);
        let sensitive = SensitiveFacts::derive(answers, &data, &purposes);
        let profiling = purposes_profile(&purposes);
        let vendors = VendorFacts::derive(answers, catalogues, &home, &data);
        let tracking = TrackingFacts::derive(answers, &data, &purposes, &vendors, profiling);
        let via_ad_platforms = vendors.ad_platforms().next().is_some();
        let sale = SaleFacts {
            sells: answers.sale_and_sharing.sells == Some(true),
            shares: answers.sale_and_sharing.shares_for_targeted_ads == Some(true)
                || via_ad_platforms,
            answered: answers.sale_and_sharing.sells.is_some()
                && answers.sale_and_sharing.shares_for_targeted_ads.is_some(),
            denies_sharing: answers.sale_and_sharing.shares_for_targeted_ads == Some(false),
            via_ad_platforms,
            advertises: purposes
                .resolved
                .iter()
                .any(|r| r.purpose.id == "advertising"),
        };
        let cookies = CookieFacts::derive(answers, &vendors);
        let transfers = TransferFacts::derive(answers, catalogues, &home, &regions, &vendors);
        let ccpa = ccpa::categories(&data, &vendors);
        let governance = GovernanceFacts::derive(answers, &regions, &home, vendors.list.len());
        Facts {
            answers,
            catalogues,
            authority: catalogues
                .authorities
                .for_address(&answers.organisation.address),
            home,
            regions,
            data,
            purposes,
            special,
            sensitive,
            tracking,
            profiling,
            vendors,
            cookies,
            transfers,
            ccpa,
            sale,
            children: ChildrenFacts::derive(answers),
            signals: SignalFacts {
                do_not_track: answers.cookies.do_not_track == DntResponse::Honoured,
                global_privacy_control: answers.cookies.honours_global_privacy_control,
            },
            backups: BackupFacts::derive(answers),
            certification: CertificationFacts::derive(answers),
            governance,
        }
    }

    /// The raw answers, for what is printed as the owner wrote it (names, addresses, free text).
    pub fn answers(&self) -> &'a Project {
        self.answers
    }

    /// The catalogues the facts were resolved against.
    pub fn catalogues(&self) -> &'a Catalogues {
        self.catalogues
    }
}

/// Some purpose builds a profile of people: the catalogue marks personalisation and targeted
/// advertising as profiling.
fn purposes_profile(purposes: &PurposeFacts<'_>) -> bool {
    purposes.resolved.iter().any(|r| r.purpose.profiling)
}
