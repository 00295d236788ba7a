//! Countries: the list an owner picks from (every ISO 3166-1 code with its English name), turning
//! what an owner types ("Ireland", "ie", "UK") into a code, and the order in which each country
//! writes the last lines of a postal address. The facts are in `templates/catalogues/countries.toml`.

use serde::{Deserialize, Serialize};

use super::{Catalogues, Country};

/// How a country writes the lines of a postal address after the street. A small set: a country
/// whose format is not listed uses the default, which is right for most of Europe.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum AddressFormat {
    /// "10969 Berlin": the postcode before the town on one line, then the region if any. The
    /// usual order in continental Europe (Germany, France, the Netherlands, Spain, Italy…), as in
    /// the Universal Postal Union's country sheets on postal addressing.
    #[default]
    PostcodeCity,
    /// "Portland, OR 97205": the city, then the state or region and the postcode on one line.
    /// United States: USPS Publication 28, §22 "Last Line of the Address" (city, state, ZIP Code
    /// on the last line). Japan, written in Latin letters: Japan Post's order ends with
    /// "Chuo-ku, Tokyo 100-8994" (ward or city, prefecture, postcode). Canada and Australia put
    /// city, province or state and postcode on one line in the same order.
    CityRegionPostcode,
    /// Town, county and postcode, each on its own line, the postcode last. United Kingdom: Post
    /// Office "Clear addressing" (post town, then the full postcode on a separate line). Ireland:
    /// An Post's format in the UPU country sheet (locality or post town, county, then the Eircode),
    /// and the Irish government's Eircode guidance ("add the Eircode to the last line").
    TownCountyPostcode,
}

impl AddressFormat {
    /// The lines after the street, blank parts left out.
    pub fn lines(self, city: &str, region: &str, postcode: &str) -> Vec<String> {
        let lines = match self {
            AddressFormat::PostcodeCity => vec![words(&[postcode, city]), region.to_owned()],
            AddressFormat::CityRegionPostcode => {
                let rest = words(&[region, postcode]);
                if city.is_empty() || rest.is_empty() {
                    vec![words(&[city, &rest])]
                } else {
                    vec![format!("{city}, {rest}")]
                }
            }
            AddressFormat::TownCountyPostcode => {
                vec![city.to_owned(), region.to_owned(), postcode.to_owned()]
            }
        };
        lines.into_iter().filter(|l| !l.is_empty()).collect()
    }
}

/// The non-empty parts, joined by spaces.
fn words(parts: &[&str]) -> String {
    let filled: Vec<&str> = parts.iter().copied().filter(|p| !p.is_empty()).collect();
    filled.join(" ")
}

/// A country as the wizard lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct CountryName {
    /// ISO 3166-1 alpha-2 code, upper case.
    pub code: String,
    /// English short name, as it starts a line ("United States", "Netherlands").
    pub name: String,
}

/// Typed text that names no country.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CountryError {
    /// Nothing was typed.
    #[error("{field}: enter a country")]
    Missing {
        /// The answer it was typed into.
        field: String,
    },
    /// The text is neither a code nor a name in the list.
    #[error(
        "{field}: \"{input}\" is not a country we know; type its name, like Ireland, or its two-letter code, like IE"
    )]
    Unknown {
        /// The answer it was typed into.
        field: String,
        /// What was typed.
        input: String,
    },
}

impl Country {
    /// The name as it starts a line or a list entry: "United States", not "the United States".
    pub fn short_name(&self) -> String {
        let name = self.name.strip_prefix("the ").unwrap_or(&self.name);
        let mut chars = name.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => String::new(),
        }
    }
}

/// The form two spellings of a name are compared in: lower case, without "the", accents, full
/// stops or doubled spaces, so "U.S.A.", "Cote d’Ivoire" and "the netherlands" match.
fn fold(text: &str) -> String {
    let lower = text.trim().to_lowercase();
    let lower = lower.strip_prefix("the ").unwrap_or(&lower);
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' => 'c',
            'è' | 'é' | 'ê' | 'ë' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ñ' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            '’' | '‘' | '`' => '\'',
            '.' => continue,
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        out.push(c);
    }
    out.trim_end().replace(" & ", " and ")
}

impl Catalogues {
    /// Every country, sorted by its English name (accents ignored, so Åland sorts under A).
    pub fn country_names(&self) -> Vec<CountryName> {
        let mut names: Vec<(String, CountryName)> = self
            .countries
            .iter()
            .map(|(code, c)| {
                let name = c.short_name();
                (
                    fold(&name),
                    CountryName {
                        code: code.clone(),
                        name,
                    },
                )
            })
            .collect();
        names.sort_by(|a, b| a.0.cmp(&b.0));
        names.into_iter().map(|(_, n)| n).collect()
    }

    /// The code of the country `input` names: its code in any case ("ie"), its name ("Ireland",
    /// "the Netherlands") or a common alias ("UK", "USA"). `field` names the answer in the error.
    pub fn resolve_country(&self, input: &str, field: &str) -> Result<String, CountryError> {
        let typed = input.trim();
        if typed.is_empty() {
            return Err(CountryError::Missing {
                field: field.to_owned(),
            });
        }
        let code = typed.to_uppercase();
        if self.countries.contains_key(&code) {
            return Ok(code);
        }
        let wanted = fold(typed);
        let found = self
            .countries
            .iter()
            .find(|(_, c)| fold(&c.name) == wanted || c.aliases.iter().any(|a| fold(a) == wanted));
        found
            .map(|(code, _)| code.clone())
            .ok_or_else(|| CountryError::Unknown {
                field: field.to_owned(),
                input: typed.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    fn cat() -> Catalogues {
        Library::load().expect("library").catalogues().clone()
    }

    #[test]
    fn every_iso_3166_1_code_is_listed_once_with_a_name() {
        let cat = cat();
        // 249 codes are assigned in ISO 3166-1 (the 2020s editions).
        assert_eq!(cat.countries.len(), 249);
        for (code, c) in &cat.countries {
            assert!(
                code.len() == 2 && code.chars().all(|ch| ch.is_ascii_uppercase()),
                "{code}"
            );
            assert!(!c.name.trim().is_empty(), "{code}");
        }
        let names = cat.country_names();
        assert_eq!(names.len(), 249);
        let mut seen = std::collections::BTreeSet::new();
        for n in &names {
            assert!(seen.insert(fold(&n.name)), "{} is listed twice", n.name);
        }
    }

    #[test]
    fn the_list_is_sorted_by_name_without_the_article() {
        let names = cat().country_names();
        let folded: Vec<String> = names.iter().map(|n| fold(&n.name)).collect();
        let mut sorted = folded.clone();
        sorted.sort();
        assert_eq!(folded, sorted);
        assert_eq!(names[0].name, "Afghanistan");
        assert_eq!(names[1].name, "Åland Islands");
        let nl = names.iter().find(|n| n.code == "NL").expect("NL");
        assert_eq!(nl.name, "Netherlands");
        let us = names.iter().find(|n| n.code == "US").expect("US");
        assert_eq!(us.name, "United States");
    }

    #[test]
    fn typed_names_codes_and_aliases_resolve_to_the_code() {
        let cat = cat();
        for (typed, code) in [
            ("Ireland", "IE"),
            ("ireland", "IE"),
            ("  IRELAND ", "IE"),
            ("IE", "IE"),
            ("ie", "IE"),
            ("gb", "GB"),
            ("UK", "GB"),
            ("United Kingdom", "GB"),
            ("the United Kingdom", "GB"),
            ("Northern Ireland", "GB"),
            ("United States", "US"),
            ("USA", "US"),
            ("U.S.A.", "US"),
            ("netherlands", "NL"),
            ("Holland", "NL"),
            ("Cote d’Ivoire", "CI"),
            ("Ivory Coast", "CI"),
            ("Turkey", "TR"),
            ("Türkiye", "TR"),
            ("Trinidad & Tobago", "TT"),
            ("ir", "IR"),
        ] {
            assert_eq!(
                cat.resolve_country(typed, "organisation.address.country"),
                Ok(code.to_owned()),
                "{typed}"
            );
        }
    }

    #[test]
    fn unknown_or_blank_input_is_an_error_naming_the_field() {
        let cat = cat();
        let err = cat
            .resolve_country("Atlantis", "vendors.custom[0].locations[1]")
            .unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("vendors.custom[0].locations[1]: "),
            "{text}"
        );
        assert!(text.contains("\"Atlantis\""), "{text}");
        for typed in ["Irl", "XX", "Israel, USA", "Eng land"] {
            assert!(cat.resolve_country(typed, "f").is_err(), "{typed}");
        }
        let err = cat.resolve_country("  ", "organisation.address.country");
        assert_eq!(
            err.unwrap_err().to_string(),
            "organisation.address.country: enter a country"
        );
    }

    #[test]
    fn each_address_format_orders_the_last_lines() {
        let de = AddressFormat::PostcodeCity.lines("Berlin", "", "10969");
        assert_eq!(de, ["10969 Berlin"]);
        let us = AddressFormat::CityRegionPostcode.lines("Portland", "OR", "97205");
        assert_eq!(us, ["Portland, OR 97205"]);
        let ie = AddressFormat::TownCountyPostcode.lines("Cork", "Co. Cork", "T12 X2Y3");
        assert_eq!(ie, ["Cork", "Co. Cork", "T12 X2Y3"]);
        let bare = AddressFormat::CityRegionPostcode.lines("", "OR", "");
        assert_eq!(bare, ["OR"]);
        assert!(
            AddressFormat::TownCountyPostcode
                .lines("", "", "")
                .is_empty()
        );
    }

    #[test]
    fn the_catalogue_gives_each_verified_country_its_format() {
        let cat = cat();
        let format = |code: &str| cat.countries[code].address;
        for code in ["US", "CA", "AU", "JP"] {
            assert_eq!(format(code), AddressFormat::CityRegionPostcode, "{code}");
        }
        for code in ["GB", "IE"] {
            assert_eq!(format(code), AddressFormat::TownCountyPostcode, "{code}");
        }
        for code in ["DE", "FR", "NL", "ES", "AT"] {
            assert_eq!(format(code), AddressFormat::PostcodeCity, "{code}");
        }
    }
}
