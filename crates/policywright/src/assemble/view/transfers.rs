//! Where data goes, per law addressed: one table per regime whose law asks for a mechanism
//! (country, who receives the data there, how it is protected), and the country list the Canada,
//! Australia and Brazil sections print.

use std::collections::BTreeMap;

use serde::Serialize;

use super::string;
use crate::facts::{Adequacy, Destination, Facts, Mechanism, RegimeTransfers};
use crate::text;

/// Data sent outside the regions addressed.
#[derive(Serialize, PartialEq)]
pub(crate) struct TransfersView {
    /// Some regime whose law asks for a mechanism has data leaving its territory.
    any: bool,
    /// Those regimes, in the catalogue's order of regions, each with its destinations.
    regimes: Vec<RegimeView>,
    /// Every addressed regime with transfer rules, by id (`transfers.of.ca.countries`).
    of: BTreeMap<String, RegimeView>,
    /// Some recipient's transfer rests on contract clauses or binding corporate rules, of which
    /// people can ask for a copy.
    contracts: bool,
    /// Some recipient in those regimes may process data in countries the text does not name.
    more: bool,
}

/// Where data of people under one regime goes.
#[derive(Serialize, Clone, PartialEq)]
pub(crate) struct RegimeView {
    /// Its id.
    id: String,
    /// Its name ("the European Economic Area").
    name: String,
    /// Names of the countries outside it where data goes, sorted, the last item "possibly other
    /// countries" when some recipient in `open` may process data elsewhere too.
    countries: Vec<String>,
    /// Those and the countries where companies that use data for their own purposes may take
    /// it next, sorted: where it may be stored and processed at all; the last item "possibly
    /// other countries" when `more`.
    anywhere: Vec<String>,
    /// Where companies that use data for their own purposes may take it next, as one sentence;
    /// empty when none does.
    onward: String,
    /// Recipients that may also process data in countries this policy does not name, apart
    /// from those the `onward` sentence says so of.
    open: Vec<String>,
    /// Some recipient may process data in countries this policy does not name (`open`, or one
    /// in the `onward` sentence).
    more: bool,
    /// The name of the organisation's country, when it is one of them.
    ours: Option<String>,
    /// One row per country.
    rows: Vec<DestinationView>,
    /// Names of the destinations its law is known not to recognise as adequate.
    not_adequate: Vec<String>,
}

/// One destination.
#[derive(Serialize, Clone, PartialEq)]
pub(crate) struct DestinationView {
    /// The country's name.
    country: String,
    /// Who receives data there, "Us" first when the organisation is there.
    who: Vec<String>,
    /// How the transfers there are protected, as one phrase.
    how: String,
    /// Only the mechanisms the law or the answers give, as one phrase; empty when none does
    /// (the Brazil section names no mechanism the owner has not).
    known: String,
}

pub(super) fn transfers(facts: &Facts<'_>, s: &toml::Table) -> TransfersView {
    let of: BTreeMap<String, RegimeView> = facts
        .transfers
        .regimes
        .iter()
        .map(|r| (r.jurisdiction.id.clone(), regime(r, s)))
        .collect();
    let regimes: Vec<RegimeView> = facts
        .transfers
        .regimes
        .iter()
        .filter(|r| {
            r.territory.mechanisms
                && !(r.destinations.is_empty() && r.onward.is_empty() && r.open.is_empty())
        })
        .filter_map(|r| of.get(&r.jurisdiction.id).cloned())
        .collect();
    let contracts = facts.transfers.regimes.iter().any(|r| {
        r.territory.mechanisms
            && r.destinations.iter().any(|d| {
                d.routes.iter().any(|route| {
                    matches!(
                        route.mechanism,
                        Some(Mechanism::Contracts | Mechanism::Rules)
                    )
                })
            })
    });
    TransfersView {
        any: !regimes.is_empty(),
        of,
        contracts,
        more: regimes.iter().any(|r| r.more),
        regimes,
    }
}

fn regime(r: &RegimeTransfers<'_>, s: &toml::Table) -> RegimeView {
    let mut anywhere: Vec<&str> = r
        .destinations
        .iter()
        .map(|d| d.country.name.as_str())
        .chain(
            r.onward
                .iter()
                .flat_map(|o| o.countries.iter().map(|c| c.name.as_str())),
        )
        .collect();
    anywhere.sort_unstable();
    anywhere.dedup();
    let more = !r.open.is_empty() || r.onward.iter().any(|o| o.open);
    // A list that may not be complete says so in its last item; an empty one stays empty, for
    // the templates to say it in a sentence of their own.
    let ending = |mut names: Vec<String>, open: bool| {
        if open && !names.is_empty() {
            names.push(string(s, "transfers", "other_countries"));
        }
        names
    };
    RegimeView {
        anywhere: ending(anywhere.into_iter().map(str::to_owned).collect(), more),
        onward: onward(r, s),
        open: r.open.iter().map(|name| (*name).to_owned()).collect(),
        more,
        id: r.jurisdiction.id.clone(),
        name: r.jurisdiction.name.clone(),
        countries: ending(
            r.destinations
                .iter()
                .map(|d| d.country.name.clone())
                .collect(),
            !r.open.is_empty(),
        ),
        ours: r
            .destinations
            .iter()
            .find(|d| d.ours)
            .map(|d| d.country.name.clone()),
        rows: r
            .destinations
            .iter()
            .map(|d| destination(&r.jurisdiction.id, d, s))
            .collect(),
        not_adequate: r
            .destinations
            .iter()
            .filter(|d| d.adequacy == Adequacy::NotAdequate && !d.routes.is_empty())
            .map(|d| d.country.name.clone())
            .collect(),
    }
}

fn destination(regime: &str, d: &Destination<'_>, s: &toml::Table) -> DestinationView {
    let mut who = Vec::new();
    if d.ours {
        who.push(string(s, "transfers", "us"));
    }
    who.extend(d.routes.iter().map(|r| r.recipient.to_owned()));
    who.dedup();
    let phrase = |m: Option<Mechanism>| -> String {
        let key = match m {
            Some(Mechanism::Adequacy) => "adequacy",
            Some(Mechanism::Framework) => "framework",
            Some(Mechanism::Contracts) => "contracts",
            Some(Mechanism::Rules) => "rules",
            None => "none",
        };
        string(s, &format!("mechanism_{regime}"), key)
    };
    let known = if d.adequacy == Adequacy::Adequate {
        phrase(Some(Mechanism::Adequacy))
    } else {
        grouped(d, &phrase, true)
    };
    let how = if d.adequacy == Adequacy::Adequate {
        phrase(Some(Mechanism::Adequacy))
    } else if d.routes.is_empty() {
        string(s, "transfers", "ours_only")
    } else {
        grouped(d, &phrase, false)
    };
    DestinationView {
        country: d.country.name.clone(),
        who,
        how,
        known,
    }
}

/// "Some companies decide …: PayPal may process it in Luxembourg and the United States; Google
/// Ads may process it in the United States."
fn onward(r: &RegimeTransfers<'_>, s: &toml::Table) -> String {
    if r.onward.is_empty() {
        return String::new();
    }
    let mut list: Vec<String> = r
        .onward
        .iter()
        .filter(|o| !o.countries.is_empty())
        .map(|o| {
            let mut names: Vec<String> = o.countries.iter().map(|c| c.name.clone()).collect();
            if o.open {
                names.push(string(s, "transfers", "other_countries"));
            }
            format!(
                "{} may process it in {}",
                o.recipient,
                text::join_and(&names)
            )
        })
        .collect();
    // Those with no country of their own to name here, in one item: "Royal Mail and DHL Express
    // may process it in countries not listed here".
    let unlisted: Vec<String> = r
        .onward
        .iter()
        .filter(|o| o.countries.is_empty())
        .map(|o| o.recipient.to_owned())
        .collect();
    if !unlisted.is_empty() {
        list.push(
            string(s, "transfers", "onward_unlisted")
                .replace("{names}", &text::join_and(&unlisted)),
        );
    }
    string(s, "transfers", "onward").replace("{list}", &list.join("; "))
}

/// Recipients grouped by mechanism: "Stripe and Google Analytics: the EU–US framework"; with
/// `only_known`, recipients with no mechanism are left out.
fn grouped(
    d: &Destination<'_>,
    phrase: &dyn Fn(Option<Mechanism>) -> String,
    only_known: bool,
) -> String {
    let mut by: BTreeMap<Option<Mechanism>, Vec<&str>> = BTreeMap::new();
    for r in d
        .routes
        .iter()
        .filter(|r| !only_known || r.mechanism.is_some())
    {
        let names = by.entry(r.mechanism).or_default();
        if !names.contains(&r.recipient) {
            names.push(r.recipient);
        }
    }
    let parts: Vec<String> = by
        .into_iter()
        .map(|(m, names)| {
            let names: Vec<String> = names.iter().map(|n| (*n).to_owned()).collect();
            format!("{}: {}", text::join_and(&names), phrase(m))
        })
        .collect();
    parts.join("; ")
}
