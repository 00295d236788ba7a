// Test fixtures: a blank project as the core makes it, and a small catalogue in the core's shape.
import type { Catalogues } from "./generated/Catalogues";
import type { CountryName } from "./generated/CountryName";
import type { Project } from "./generated/Project";

export function blankProject(): Project {
  return {
    schema_version: 1,
    language: "en",
    effective_date: "",
    organisation: { legal_name: "", address: { street: [], city: "", postal_code: "", country: "" }, email: "" },
    products: [],
    processes_customer_data: false,
    data: [],
    purposes: [],
    vendors: { catalogue: [], custom: [] },
    cookies: { kinds: [], consent_banner: false, do_not_track: "not-honoured", honours_global_privacy_control: false },
    jurisdictions: [],
    children: { directed_at_children: false },
    marketing: { sends_emails: false, soft_opt_in: false },
    sale_and_sharing: {},
    automated_decisions: { makes_significant_decisions: false },
    transfers: {},
    security: [],
    breach: { notify_affected_people: false },
    rights: { consent_withdrawal: [] },
    policy_changes: { email: false, in_app: false },
    style: { summary: true, table_of_contents: true, definitions: false, vendor_detail: "table" },
  } as unknown as Project;
}

export const catalogueFixture: Catalogues = {
  categories: [
    {
      id: "contact-details",
      label: "Contact details",
      examples: ["name", "email"],
      gdpr_special: false,
      ccpa: "b",
      sensitive_pi: false,
      about_others: false,
      us_sensitive: false,
    },
    {
      id: "usage-data",
      label: "Usage data",
      examples: ["pages viewed"],
      gdpr_special: false,
      ccpa: "f",
      sensitive_pi: false,
      about_others: false,
      us_sensitive: false,
    },
    {
      id: "health",
      label: "Health data",
      examples: ["medical conditions"],
      gdpr_special: true,
      ccpa: "h",
      sensitive_pi: true,
      about_others: false,
      us_sensitive: true,
    },
  ],
  ccpa_categories: { b: "Identifiers", f: "Internet or other electronic network activity", h: "Audio, electronic, visual or similar information" },
  purposes: [
    { id: "provide-service", label: "Provide the service", description: "Run what they signed up for.", legal_basis: "contract", direct_marketing: false },
    { id: "security", label: "Keep it secure", description: "Stop abuse.", legal_basis: "legitimate-interests", direct_marketing: false },
  ],
  vendor_categories: [
    { id: "payments", label: "Payments", does: "takes payments" },
    { id: "hosting", label: "Hosting", does: "runs servers" },
  ],
  vendors: [
    {
      id: "stripe",
      name: "Stripe",
      legal_entity: "Stripe Payments Europe, Ltd.",
      category: "payments",
      data: ["contact-details", "usage-data"],
      locations: ["IE", "US"],
      locations_open: true,
      safeguard: null,
      privacy_url: "https://stripe.com/privacy",
      opt_out_url: null,
      cookies: null,
    },
    {
      id: "hetzner",
      name: "Hetzner",
      legal_entity: "Hetzner Online GmbH",
      category: "hosting",
      // The core expands a host's "all" to every category and marks it.
      data: ["contact-details", "usage-data", "health"],
      receives_all_data: true,
      locations: ["DE"],
      safeguard: null,
      privacy_url: "https://www.hetzner.com/legal/privacy-policy",
      opt_out_url: null,
      cookies: null,
    },
  ],
  countries: {
    IE: { name: "Ireland", eea: true, eu_adequacy: false },
    US: { name: "the United States", eea: false, eu_adequacy: false },
    DE: { name: "Germany", eea: true, eu_adequacy: false },
  },
  jurisdictions: [
    {
      id: "eu",
      name: "the EEA",
      short: "EEA",
      law: "the GDPR",
      term: "personal data",
      authority: "x",
      authority_url: "https://example.org",
      applies: "If you serve people there.",
    },
  ],
} as unknown as Catalogues;

/** A few countries, as `list_countries` returns them: in the core's order, by name (the core
 * lists all of ISO 3166-1). */
export const countryFixture: CountryName[] = [
  { code: "DE", name: "Germany" },
  { code: "IR", name: "Iran" },
  { code: "IE", name: "Ireland" },
  { code: "IL", name: "Israel" },
  { code: "GB", name: "United Kingdom" },
  { code: "US", name: "United States" },
];
