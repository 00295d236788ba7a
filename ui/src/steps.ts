// The wizard's ten steps as data: each field's answer path, label, help and kind. The path is the
// one validation uses, so findings appear beside their field. Lists that need more than one input
// per item (data categories, purposes, vendors…) are "widgets", drawn by components/widgets.

import type { CookieKind } from "./generated/CookieKind";
import type { LegalBasis } from "./generated/LegalBasis";
import type { TransferSafeguard } from "./generated/TransferSafeguard";

export interface Option<T extends string = string> {
  value: T;
  label: string;
}

export type FieldKind =
  | { kind: "text" | "email" | "url" | "tel" | "date" | "country" | "textarea" | "lines" }
  /** A whole number; its range comes from the core (bounds.ts). */
  | { kind: "number" }
  | { kind: "check" }
  | { kind: "yesno" }
  | { kind: "choice"; options: Option[] }
  | { kind: "multi"; options: Option[] };

export type Field = FieldKind & {
  path: string;
  label: string;
  help: string;
  /** Optional answers are removed from the project when cleared, rather than saved empty. */
  optional?: boolean;
  /** An optional object (such as a DPO) removed when all of its fields are cleared. */
  group?: string;
  /** Asked only when this catalogue vendor is chosen (a setting in the owner's account with it). */
  vendor?: string;
  /** Asked only when the multiple choice at `path` includes `value` (how long backups are kept,
   * once backups are ticked). */
  when?: { path: string; value: string };
};

export type Widget = "products" | "data" | "purposes" | "vendors" | "jurisdictions" | "retention" | "review";

export interface Block {
  /** A heading for the fields that follow. */
  heading?: string;
  fields?: Field[];
  widget?: Widget;
}

export interface Step {
  id: string;
  title: string;
  intro: string;
  /** The policy section this step mostly affects; the preview scrolls to it. */
  section: string;
  /** Answer paths this step owns (`[*]` stands for any index): their findings are listed here. */
  owns: string[];
  blocks: Block[];
}

export const legalBases: Array<Option<LegalBasis> & { explain: string }> = [
  { value: "consent", label: "Consent", explain: "They agreed, and can change their mind at any time." },
  { value: "contract", label: "Contract", explain: "You need the data to give them what they signed up for." },
  { value: "legal-obligation", label: "Legal obligation", explain: "A law makes you do it, such as keeping tax records." },
  { value: "legitimate-interests", label: "Legitimate interests", explain: "A fair business need that does not outweigh their rights. Say what the need is." },
  { value: "vital-interests", label: "Vital interests", explain: "To protect someone's life." },
  { value: "public-task", label: "Public task", explain: "Official functions of a public body." },
];

/** Kinds of cookies, for the owner's own and for custom vendors'. */
export const cookieKinds: Array<Option<CookieKind>> = [
  { value: "strictly-necessary", label: "Strictly necessary (sign-in, basket, security)" },
  { value: "preferences", label: "Preferences (language, settings)" },
  { value: "analytics", label: "Analytics (measuring use)" },
  { value: "marketing", label: "Marketing (advertising, cross-site tracking)" },
];

/** Transfer safeguards, for the owner's own and for custom vendors'. */
export const safeguards: Array<Option<TransferSafeguard>> = [
  { value: "adequacy-decision", label: "Adequacy decision" },
  { value: "data-privacy-framework", label: "EU–US Data Privacy Framework" },
  { value: "standard-contractual-clauses", label: "Standard Contractual Clauses" },
  { value: "uk-idta", label: "UK IDTA or Addendum" },
  { value: "swiss-sccs", label: "Standard Contractual Clauses with the Swiss changes" },
  { value: "anpd-standard-clauses", label: "Brazil's ANPD standard contractual clauses" },
  { value: "binding-corporate-rules", label: "Binding corporate rules" },
];

const contact = (group: string, who: string, help: string): Field[] => [
  { path: `${group}.name`, label: `${who}: name`, kind: "text", group, help },
  { path: `${group}.email`, label: `${who}: email`, kind: "email", group, help: "Where people can write to them." },
];

export const steps: Step[] = [
  {
    id: "organisation",
    title: "Organisation and contacts",
    intro: "Who is responsible for the data, and how people reach you about it.",
    section: "who-we-are",
    owns: ["organisation", "effective_date"],
    blocks: [
      {
        fields: [
          { path: "organisation.legal_name", label: "Legal name", kind: "text", help: "As registered, for example “Kestrel Metrics GmbH”." },
          { path: "organisation.trading_name", label: "Trading name", kind: "text", optional: true, help: "The name customers know you by, if it differs." },
          {
            path: "organisation.email",
            label: "Privacy email",
            kind: "email",
            help: "Where people send privacy questions and requests, for example privacy@yourcompany.com.",
          },
          { path: "organisation.phone", label: "Phone", kind: "tel", optional: true, help: "Optional. Include the country code." },
          { path: "organisation.website", label: "Website", kind: "url", optional: true, help: "The full address, starting with https://." },
          { path: "organisation.address.street", label: "Street address", kind: "lines", help: "One line per row, as on a letter." },
          { path: "organisation.address.city", label: "Town or city", kind: "text", help: "Part of the postal address the policy shows." },
          { path: "organisation.address.region", label: "State, county or province", kind: "text", optional: true, help: "Only where addresses use one." },
          { path: "organisation.address.postal_code", label: "Postcode", kind: "text", help: "Postcode or ZIP code." },
          {
            path: "organisation.address.country",
            label: "Country",
            kind: "country",
            help: "Type its name or two-letter code (Ireland, IE) and pick it from the list. It also sets the PDF's paper size.",
          },
          {
            path: "organisation.registration_number",
            label: "Company registration",
            kind: "text",
            optional: true,
            help: "Optional. Number and register, for example “Company no. 12345678”.",
          },
          { path: "effective_date", label: "Effective date", kind: "date", help: "The day this version of the policy takes effect." },
        ],
      },
      {
        heading: "Privacy contacts (if you have them)",
        fields: [
          ...contact("organisation.dpo", "Data protection officer", "Only if you have appointed one. Some businesses must (GDPR Art. 37)."),
          ...contact("organisation.eu_representative", "EU representative", "Needed by businesses outside the EU that serve people in it (GDPR Art. 27)."),
          ...contact("organisation.uk_representative", "UK representative", "Needed by businesses outside the UK that serve people in it (UK GDPR Art. 27)."),
        ],
      },
    ],
  },
  {
    id: "offer",
    title: "What you offer",
    intro: "The websites, apps and services this policy covers, and your role.",
    section: "scope",
    owns: ["products", "processes_customer_data"],
    blocks: [
      { widget: "products" },
      {
        fields: [
          {
            path: "processes_customer_data",
            label: "Business customers upload data about their own users or clients to your service",
            kind: "check",
            help: "For that data you act for your customers (a processor), and the policy says so.",
          },
        ],
      },
    ],
  },
  {
    id: "data",
    title: "Data you collect",
    intro: "Tick each kind of personal data you collect, then say where it comes from.",
    section: "what-we-collect",
    owns: ["data"],
    blocks: [{ widget: "data" }],
  },
  {
    id: "purposes",
    title: "Why you use it",
    intro:
      "Tick what you use the data for. For people in Europe and Brazil each use needs a legal basis: we fill in the usual one; change it if yours differs.",
    section: "how-we-use",
    owns: ["purposes"],
    blocks: [{ widget: "purposes" }],
  },
  {
    id: "vendors",
    title: "Vendors",
    intro: "Service providers that receive personal data from you: hosting, payments, email, analytics…",
    section: "vendors",
    owns: ["vendors"],
    blocks: [
      { widget: "vendors" },
      {
        heading: "Settings in your vendor accounts",
        fields: [
          {
            path: "vendors.settings.google_analytics_data_sharing",
            label: "Google Analytics: data sharing with Google products & services is on",
            kind: "yesno",
            optional: true,
            vendor: "google-analytics",
            help: "In Google Analytics, Admin, Account details. When it is on, Google also uses the data for its own purposes, and the policy lists it among those companies.",
          },
          {
            path: "vendors.settings.hubspot_data_sharing",
            label: "HubSpot: data sharing with HubSpot is on, or you use its enrichment features",
            kind: "yesno",
            optional: true,
            vendor: "hubspot",
            help: "In your HubSpot account settings. When data sharing is on, HubSpot also uses data its tracking code collects on your site, such as visitors' IP addresses, to improve its own products. Its terms treat it the same way when you use its enrichment features to fill in details of your contacts and companies. Either way, the policy lists HubSpot among the companies that also use data for their own purposes.",
          },
        ],
      },
    ],
  },
  {
    id: "cookies",
    title: "Cookies and tracking",
    intro: "Cookies and similar technologies you set yourself (vendors' cookies come from the vendor list), and how you treat browser privacy signals.",
    section: "cookies",
    owns: ["cookies"],
    blocks: [
      {
        fields: [
          {
            path: "cookies.kinds",
            label: "Kinds of cookies you set",
            kind: "multi",
            help: "Tick all that apply.",
            options: cookieKinds,
          },
          {
            path: "cookies.consent_banner",
            label: "A banner asks before non-essential cookies are set",
            kind: "check",
            help: "Tick this only if the banner holds back every tool that sets such cookies (analytics, ads, video and map embeds) until people agree: the policy then says so. Required in the EU and UK for anything beyond strictly necessary cookies.",
          },
          {
            path: "cookies.do_not_track",
            label: "Do Not Track",
            kind: "choice",
            help: "Browsers can send a Do Not Track signal. There is no agreed standard for it; say honestly what you do.",
            options: [
              { value: "not-honoured", label: "We do not act on it" },
              { value: "honoured", label: "We switch off non-essential tracking" },
            ],
          },
          {
            path: "cookies.honours_global_privacy_control",
            label: "Global Privacy Control is treated as an opt-out of sale and sharing",
            kind: "check",
            help: "California and several other US states require this if you sell or share data.",
          },
          { path: "cookies.cookie_policy_url", label: "Separate cookie policy", kind: "url", optional: true, help: "Its address, if you publish one." },
        ],
      },
    ],
  },
  {
    id: "where",
    title: "Where your users are",
    intro: "Tick the places whose privacy laws apply to you. Each one adds the rights and details its law asks for.",
    section: "your-rights",
    owns: ["jurisdictions", "rights", "complaints", "governance"],
    blocks: [
      { widget: "jurisdictions" },
      {
        heading: "How people make requests",
        fields: [
          { path: "rights.request_form_url", label: "Request form", kind: "url", optional: true, help: "A web form for privacy requests, if you have one." },
          {
            path: "rights.toll_free_phone",
            label: "Toll-free number",
            kind: "tel",
            optional: true,
            help: "California expects one unless you only do business online.",
          },
          {
            path: "rights.consent_withdrawal",
            label: "Ways to withdraw consent",
            kind: "multi",
            help: "Where people can change their mind.",
            options: [
              { value: "account-settings", label: "Account settings" },
              { value: "cookie-settings", label: "Cookie settings" },
              { value: "unsubscribe-link", label: "Unsubscribe link in every email" },
              { value: "email", label: "Writing to the privacy email" },
            ],
          },
          {
            path: "complaints.form_url",
            label: "Complaint form",
            kind: "url",
            optional: true,
            help: "UK law (DPA 2018 s.164A) asks you to make complaining easy, for example with an online form. If you have none, people complain by email.",
          },
        ],
      },
      {
        heading: "Governance policies (Quebec)",
        fields: [
          {
            path: "governance.url",
            label: "Page describing your governance policies for personal information",
            kind: "url",
            optional: true,
            help: "Only if you serve Canada. Quebec law (P-39.1 s.3.2) asks a business to publish, in simple and clear language on its website, detailed information about its policies and practices for personal information: how it keeps and destroys it, what each member of staff is responsible for, and how it handles complaints. The policy links to the page.",
          },
          {
            path: "governance.description",
            label: "Or describe them here",
            kind: "textarea",
            optional: true,
            help: "In your own words, if you have no such page: the policy prints what you write. Leave both empty if you do not serve Canada.",
          },
          {
            path: "governance.outside_quebec_assessed",
            label: "Before personal information leaves Quebec, you assess its privacy impact and have a written agreement",
            kind: "yesno",
            help: "Only if you serve Canada. Quebec law (P-39.1 s.17) asks this for each recipient outside Quebec: your vendors, and you if you are based elsewhere. A vendor's data processing terms can be the agreement. The policy prints nothing about it.",
          },
        ],
      },
    ],
  },
  {
    id: "keeping",
    title: "Retention, security, transfers",
    intro: "How long you keep each kind of data, how you protect it, and the safeguards for data sent abroad.",
    section: "retention",
    owns: ["data[*].retention", "security", "certified_to", "backups", "transfers", "breach"],
    blocks: [
      { heading: "How long you keep it", widget: "retention" },
      {
        heading: "Security",
        fields: [
          {
            path: "security",
            label: "Measures in place",
            kind: "multi",
            help: "Only what you actually do.",
            options: [
              { value: "encryption-in-transit", label: "Encryption in transit (HTTPS/TLS)" },
              { value: "encryption-at-rest", label: "Encryption of stored data" },
              { value: "access-control", label: "Staff access only what their job needs" },
              { value: "multi-factor-auth", label: "Multi-factor sign-in" },
              { value: "audit-logging", label: "Access and changes are logged" },
              { value: "backups", label: "Regular, tested backups" },
              { value: "staff-training", label: "Data protection training" },
              { value: "penetration-testing", label: "Independent security testing" },
              { value: "certification", label: "Certified (ISO/IEC 27001, SOC 2…)" },
            ],
          },
          {
            path: "certified_to",
            label: "Standard you are certified to",
            kind: "text",
            optional: true,
            when: { path: "security", value: "certification" },
            help: "Such as “ISO/IEC 27001:2022”, with the scope if the certificate covers only part of your business (“for our hosting platform”). The policy names it, so readers can check the claim; keep it current, as a certificate can lapse.",
          },
          {
            path: "backups.kept_days",
            label: "Days a backup is kept",
            kind: "number",
            optional: true,
            when: { path: "security", value: "backups" },
            help: "How many days each backup is kept before it is replaced or deleted. Deleted data stays in a backup until then, and the policy tells people for how long.",
          },
          {
            path: "breach.notify_affected_people",
            label: "You tell affected people about a breach that puts them at risk",
            kind: "check",
            help: "GDPR Art. 34 requires it when the risk is high.",
          },
          {
            path: "breach.authority_within_hours",
            label: "Hours to tell the regulator",
            kind: "number",
            optional: true,
            help: "GDPR Art. 33: within 72 hours where feasible.",
          },
          {
            path: "breach.channels",
            label: "How you tell affected people",
            kind: "multi",
            help: "Only if you tell people about breaches. The policy names these channels.",
            options: [
              { value: "email", label: "By email" },
              { value: "in-app", label: "With a message in the service" },
              { value: "website-notice", label: "With a notice on the website" },
            ],
          },
          {
            path: "transfers.unassigned_safeguards",
            label: "Safeguards not yet given to a recipient",
            kind: "multi",
            optional: true,
            help: "Kept from an older version, which had one list for all transfers. Choose each for the vendors it covers, then untick it here. The policy does not print these.",
            options: safeguards,
          },
        ],
      },
    ],
  },
  {
    id: "choices",
    title: "Children, marketing, sale and decisions",
    intro: "Answers that change what people are told about their choices.",
    section: "children",
    owns: ["children", "marketing", "sale_and_sharing", "automated_decisions", "minors", "sensitive", "ai", "tracking"],
    blocks: [
      {
        heading: "Children",
        fields: [
          {
            path: "children.minimum_age",
            label: "Minimum age",
            kind: "number",
            optional: true,
            help: "The youngest age allowed to use your service, if you set one.",
          },
          {
            path: "children.directed_at_children",
            label: "The service is aimed at children under 13",
            kind: "check",
            help: "Then COPPA applies in the US, and parents must consent first.",
          },
          {
            path: "children.parental_consent",
            label: "How parents give consent",
            kind: "textarea",
            optional: true,
            help: "In your own words. Needed for a service aimed at children, and in Quebec for any child under 14 whose information you collect.",
          },
          {
            path: "children.retention_policy",
            label: "How long you keep children's data",
            kind: "textarea",
            optional: true,
            help: "Only for services aimed at children: your written retention policy, in your own words (COPPA Rule, 2025).",
          },
        ],
      },
      {
        heading: "Teenagers and advertising (US and Brazil)",
        fields: [
          {
            path: "minors.excluded_under",
            label: "People under this age are left out of selling, sharing, targeted ads and profiling",
            kind: "number",
            optional: true,
            help: "Only if people under 18 may use your service and you sell, share or profile. California and Oregon protect under-16s; Connecticut, Colorado and Maryland protect everyone under 18, and Brazil's ECA Digital bans profiling-based advertising to anyone under 18.",
          },
          {
            path: "minors.opt_in_before_sale",
            label: "Instead, 13–15-year-olds opt in, and parents for younger children, before their data is sold or shared",
            kind: "check",
            help: "California's rule if you do not leave them out.",
          },
        ],
      },
      {
        heading: "Sensitive data (US laws)",
        fields: [
          {
            path: "sensitive.opt_in_consent",
            label: "People opt in before you use their sensitive data",
            kind: "yesno",
            help: "Only if you collect sensitive data such as precise location or health. Virginia, Colorado, Connecticut, Oregon and Texas require opt-in.",
          },
          {
            path: "sensitive.limit_url",
            label: "“Limit the Use of My Sensitive Personal Information” page",
            kind: "url",
            optional: true,
            help: "California: needed when you use sensitive data for more than providing your service and keeping it secure, such as personalisation.",
          },
          {
            path: "sensitive.health_data_policy_url",
            label: "Your Consumer Health Data Privacy Policy (Washington, Nevada)",
            kind: "url",
            optional: true,
            help: "Only if you collect health, biometric or genetic data from people in the US states. Washington's My Health My Data Act and Nevada's consumer health data law ask for a separate policy, linked from your homepage; this app does not write it. The policy links to it.",
          },
        ],
      },
      {
        heading: "AI",
        fields: [
          {
            path: "ai.provider_keeps_content",
            label: "Your AI provider keeps content after answering",
            kind: "yesno",
            help: "Only if you use an AI provider. Many keep it for a time to check for abuse; see your contract.",
          },
          { path: "ai.provider_keeps_days", label: "For how many days", kind: "number", optional: true, help: "If the contract says." },
          {
            path: "ai.provider_trains",
            label: "Your AI provider may train its models on the content",
            kind: "yesno",
            help: "As your contract with the provider says.",
          },
          {
            path: "ai.trains_own_models",
            label: "You use personal data to train your own AI models",
            kind: "yesno",
            help: "Connecticut asks every policy to say so, yes or no (from 1 July 2026).",
          },
        ],
      },
      {
        heading: "Location and profiling (Quebec)",
        fields: [
          {
            path: "tracking.identifies_locates_or_profiles",
            label: "Your service can identify, locate or profile people",
            kind: "check",
            help: "Only if you serve Canada: for example precise location, or suggestions based on interests (Quebec Law 25, s.8.1).",
          },
          { path: "tracking.off_by_default", label: "Those functions are off until the person turns them on", kind: "check", help: "Quebec expects this." },
          { path: "tracking.how_to_switch", label: "How people turn them on or off", kind: "textarea", optional: true, help: "In your own words." },
        ],
      },
      {
        heading: "Marketing",
        fields: [
          { path: "marketing.sends_emails", label: "You send newsletters or marketing emails", kind: "check", help: "" },
          {
            path: "marketing.soft_opt_in",
            label: "Customers get emails about similar products unless they opt out",
            kind: "check",
            help: "The “soft opt-in” of UK PECR reg. 22 and ePrivacy Art. 13(2).",
          },
        ],
      },
      {
        heading: "Sale and sharing (US laws)",
        fields: [
          {
            path: "sale_and_sharing.sells",
            label: "You sell personal information, or did in the past 12 months",
            kind: "yesno",
            help: "For money or anything else of value. California's policy says whether you did in the past 12 months, so answer yes if you did then, even if you have stopped.",
          },
          {
            path: "sale_and_sharing.shares_for_targeted_ads",
            label: "You share it for targeted advertising, or did in the past 12 months",
            kind: "yesno",
            help: "Advertising pixels and cookies from ad networks usually count. Answer yes if you did in the past 12 months, even if you have stopped.",
          },
          { path: "sale_and_sharing.opt_out_url", label: "“Do Not Sell or Share” page", kind: "url", optional: true, help: "Where people opt out." },
        ],
      },
      {
        heading: "Automated decisions",
        fields: [
          {
            path: "automated_decisions.makes_significant_decisions",
            label: "Software alone makes decisions with legal or similar effects",
            kind: "check",
            help: "Credit, hiring, insurance and the like (GDPR Art. 22).",
          },
          {
            path: "automated_decisions.description",
            label: "What it decides and how",
            kind: "textarea",
            optional: true,
            help: "In your own words: the logic, and what it means for the person.",
          },
        ],
      },
    ],
  },
  {
    id: "review",
    title: "Review",
    intro: "Everything still to fix or check, and how the policy looks. Then export it.",
    section: "summary",
    owns: ["policy_changes", "style", "language", "considered"],
    blocks: [
      { widget: "review" },
      {
        heading: "Telling people about changes",
        fields: [
          { path: "policy_changes.email", label: "Account holders get an email about important changes", kind: "check", help: "" },
          { path: "policy_changes.in_app", label: "A notice appears in the app or dashboard", kind: "check", help: "" },
        ],
      },
      {
        heading: "Presentation",
        fields: [
          { path: "style.summary", label: "Start with a short summary", kind: "check", help: "" },
          { path: "style.table_of_contents", label: "Include a table of contents", kind: "check", help: "" },
          { path: "style.definitions", label: "Explain the legal terms used", kind: "check", help: "" },
          {
            path: "style.vendor_detail",
            label: "Vendor detail",
            kind: "choice",
            help: "",
            options: [
              { value: "table", label: "A table per kind of vendor" },
              { value: "names", label: "Names only" },
            ],
          },
        ],
      },
    ],
  },
];

/** Turns an owned path pattern into a test: `data[*].retention` owns `data[3].retention.amount`. */
function pattern(owned: string): RegExp {
  const escaped = owned.replace(/[.[\]]/g, (c) => `\\${c}`).replace(/\\\[\*\\\]/g, "\\[\\d+\\]");
  return new RegExp(`^${escaped}($|[.[])`);
}

const owners = steps.flatMap((step) => step.owns.map((owned) => ({ step, owned, test: pattern(owned) }))).sort((a, b) => b.owned.length - a.owned.length);

/** The step that owns the answer at `path` (the most specific owner), if any does. */
export function ownerOf(path: string): Step | undefined {
  return owners.find((o) => o.test.test(path))?.step;
}

/** The step where the answer at `path` is asked; the review for a path no step owns. */
export function stepFor(path: string): Step {
  return ownerOf(path) ?? steps[steps.length - 1];
}
