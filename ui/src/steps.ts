// The wizard's steps as data: each field's answer path, label, help and example. The path is the
// one validation uses, so findings appear beside their field.

export type FieldKind = "text" | "email" | "url" | "tel" | "date" | "country";

export interface Field {
  path: string;
  label: string;
  help: string;
  kind: FieldKind;
  /** Optional answers are removed from the project when cleared, rather than saved empty. */
  optional?: boolean;
}

export interface Step {
  id: string;
  title: string;
  intro: string;
  /** The policy section this step mostly affects; the preview scrolls to it. */
  section: string;
  fields: Field[];
}

export const steps: Step[] = [
  {
    id: "organisation",
    title: "Organisation and contacts",
    intro: "Who is responsible for the data, and how people reach you about it.",
    section: "who-we-are",
    fields: [
      { path: "organisation.legal_name", label: "Legal name", kind: "text", help: "As registered, for example “Kestrel Metrics GmbH”." },
      { path: "organisation.trading_name", label: "Trading name", kind: "text", optional: true, help: "The name customers know you by, if it differs." },
      { path: "organisation.email", label: "Privacy email", kind: "email", help: "Where people send privacy questions and requests, for example privacy@yourcompany.com." },
      { path: "organisation.phone", label: "Phone", kind: "tel", optional: true, help: "Optional. Include the country code." },
      { path: "organisation.website", label: "Website", kind: "url", optional: true, help: "The full address, starting with https://." },
      { path: "organisation.address.city", label: "Town or city", kind: "text", help: "Part of the postal address the policy shows." },
      { path: "organisation.address.postal_code", label: "Postcode", kind: "text", help: "Postcode or ZIP code." },
      { path: "organisation.address.country", label: "Country", kind: "country", help: "Two-letter code, for example GB, DE or US. It also sets the PDF's paper size." },
      { path: "organisation.registration_number", label: "Company registration", kind: "text", optional: true, help: "Optional. Number and register, for example “Company no. 12345678”." },
      { path: "effective_date", label: "Effective date", kind: "date", help: "The day this version of the policy takes effect." },
    ],
  },
];
