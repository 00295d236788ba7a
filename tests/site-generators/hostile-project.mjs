// A project with template syntax of Liquid (Jekyll, Eleventy), Nunjucks and Hugo in every
// free-text field and in the query and fragment of every URL, plus the other text the
// reliability review found leaking: scheme-less `//host` links, bidi controls, and characters
// that break YAML front matter. The project still passes `policywright check`, so it exports.

/** What a site's template engine would print for `site.title`; must never show up. */
export const SITE_SECRET = 'SECRET-SITE-VAR';

/** Bidi embeddings, overrides and isolates: never in an output. */
export const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

/** Template syntax: evaluated, each would print 1337 or the site's title, or stop the build. */
export const TEMPLATE_SYNTAX = [
  '{{7|plus:1330}}', // Liquid filter → 1337
  '{{ 7 * 191 }}', // Nunjucks expression → 1337
  '{{ site.title }}',
  '{{- site.title -}}',
  '{%- if true -%}IF{%- endif -%}',
  '{% comment', // unclosed Liquid block
  '{%raw%}',
  '{# note', // unclosed Nunjucks comment
  '{{< shortcode >}}', // Hugo
  '{{% shortcode %}}',
];

/** Free text: all the template syntax, a scheme-less link and bidi controls. */
export const HOSTILE_TEXT = `Kestrel ${TEMPLATE_SYNTAX.join(' ')} //evil.example https\u2028//evil.example www.evil.com evil.com mail@evil.com 10.6.6.6 \u202Eesrever\u202C \u2067iso\u2069 GmbH`;

/** The name shown in titles and front matter: also DEL, a C1 control and U+2028 followed by a
 * line that would end the front matter and start a new key. */
export const HOSTILE_NAME = `Kestrel {{ site.title }} {%raw%} \u007f\u009b\u0085\u2028---\u2028title: pwned\u2029 "q" \\ \u202Eesrever\u202C`;

/** A valid https URL whose query and fragment carry template syntax. */
export function hostileUrl(host) {
  // No spaces: a web address cannot hold one (the core refuses it), but braces survive.
  return `https://${host}.example/p?q={{7|plus:1330}}&t={{site.title}}&r={%raw%}&c={#x#{%comment`;
}

/** Email addresses are links too; template syntax is allowed in their local part. */
export const HOSTILE_EMAILS = ['{{site.title}}@example.com', '{%raw%}@example.com', '{#x}@example.com'];

/** Every free-text and URL field of `project` (the saas example) made hostile. */
export function poison(project) {
  const text = (label) => `${label}: ${HOSTILE_TEXT}`;
  const address = (label) => ({
    street: [text(`${label} street`), text(`${label} street 2`)],
    city: text(`${label} city`),
    region: text(`${label} region`),
    postal_code: text(`${label} postcode`),
    country: 'DE',
  });
  const o = project.organisation;
  o.legal_name = text('legal name');
  o.trading_name = HOSTILE_NAME;
  o.phone = text('phone');
  o.registration_number = text('registration');
  o.address = address('organisation');
  o.email = HOSTILE_EMAILS[0];
  o.website = hostileUrl('website');
  o.dpo = { name: text('dpo'), email: HOSTILE_EMAILS[1], address: address('dpo') };
  o.eu_representative = { name: text('eu rep'), email: HOSTILE_EMAILS[2], address: address('eu rep') };
  o.uk_representative = {
    name: text('uk rep'),
    email: '{{x}}{%y%}@example.com',
    address: { ...address('uk rep'), country: 'GB' },
  };
  project.products.forEach((p, i) => {
    p.name = text(`product ${i}`);
    p.url = hostileUrl(`product-${i}`);
  });
  for (const d of project.data) {
    if (d.retention?.kind === 'period') d.retention.reason = text(`reason ${d.category}`);
    if (d.retention?.kind === 'criteria') d.retention.description = text(`criteria ${d.category}`);
  }
  for (const p of project.purposes) {
    if (p.legal_basis === 'legitimate-interests') p.legitimate_interest = text(`interest ${p.purpose}`);
  }
  project.vendors.custom = project.vendors.custom.map((v, i) => ({
    ...v,
    name: text(`vendor ${i}`),
    legal_entity: text(`vendor entity ${i}`),
    purpose: text(`vendor purpose ${i}`),
    privacy_url: hostileUrl(`vendor-privacy-${i}`),
    opt_out_url: hostileUrl(`vendor-opt-out-${i}`),
  }));
  project.style.vendor_detail = 'table';
  project.vendors.custom = project.vendors.custom.map((v, i) => ({ ...v, own_use: text(`own use ${i}`) }));
  project.vendors.group_companies = [{ name: text('group company'), country: 'DE' }];
  project.children = {
    ...project.children,
    directed_at_children: true,
    parental_consent: text('consent'),
    retention_policy: text('children retention'),
  };
  project.complaints = { ...project.complaints, form_url: hostileUrl('complaints') };
  project.sensitive = {
    ...project.sensitive,
    limit_url: hostileUrl('limit'),
    health_data_policy_url: hostileUrl('washington-health'),
  };
  project.tracking = { ...project.tracking, how_to_switch: text('switch tracking') };
  // Printed with a certification ticked (the saas example has one) and, for governance, with
  // Canada among the regions.
  project.certified_to = text('certified to');
  if (!project.jurisdictions.includes('ca')) project.jurisdictions.push('ca');
  project.governance = { url: hostileUrl('governance'), description: text('governance') };
  for (const d of project.data) d.examples = [text(`example ${d.category}`)];
  // A finding the owner marked as considered (the hostile German address names no federal state):
  // its reason is theirs.
  project.considered = [
    { code: 'organisation.region-for-authority', path: 'organisation.address.region', reason: text('considered') },
  ];
  project.automated_decisions = { makes_significant_decisions: true, description: text('decisions') };
  project.rights.toll_free_phone = text('toll-free');
  project.rights.request_form_url = hostileUrl('request-form');
  project.sale_and_sharing = { sells: false, shares_for_targeted_ads: true, opt_out_url: hostileUrl('opt-out') };
  project.cookies.cookie_policy_url = hostileUrl('cookie-policy');
  return project;
}

/** Schema paths (`a.b[].c`) that are ids, codes, dates or versions rather than free text. */
const NOT_FREE_TEXT = [
  /\.category$/, /\.country$/, /^effective_date$/, /^language$/, /^jurisdictions\[\]$/,
  /^purposes\[\]\.purpose$/, /^purposes\[\]\.categories\[\]$/, /^saved_with\./,
  /^vendors\.catalogue\[\]$/, /\.data\[\]$/, /\.locations\[\]$/, /^vendors\.adjustments\[\]\.vendor$/,
  /^considered\[\]\.(code|path)$/,
  // A published version: dates, hashes, versions and the text Policywright wrote (title, labels,
  // dates in words); the owner's text reaches it through `header.organisation`, `header.description`
  // and `summary`. `markdown` is Policywright's own rendering, with the owner's braces already
  // escaped (`&#123;`), so it never holds a raw `{`: the `published` export tests cover it.
  /^history\[\]\.(date|markdown|markdown_sha256|content\.)/,
  /^history\[\]\.header\.(title|effective_date|last_updated|language|generator\[\]|labels\[\])/,
];

/** Every free-text string field the project file's JSON Schema describes, as `a.b[].c` paths, so
 * the test notices a new field that `poison` does not cover. */
export function freeTextPaths(schema) {
  const defs = schema.$defs ?? schema.definitions ?? {};
  const paths = new Set();
  const walk = (node, path, seen) => {
    if (!node || typeof node !== 'object') return;
    if (node.$ref) {
      const name = node.$ref.split('/').pop();
      if (seen.has(name)) return;
      walk(defs[name], path, new Set([...seen, name]));
      return;
    }
    for (const key of ['anyOf', 'oneOf', 'allOf']) for (const n of node[key] ?? []) walk(n, path, seen);
    for (const [k, v] of Object.entries(node.properties ?? {})) walk(v, path ? `${path}.${k}` : k, seen);
    if (node.items) walk(node.items, `${path}[]`, seen);
    const types = [node.type].flat();
    if (types.includes('string') && !node.enum && node.const === undefined) {
      if (!NOT_FREE_TEXT.some((re) => re.test(path))) paths.add(path);
    }
  };
  walk(schema, '', new Set());
  return [...paths].sort();
}

/** The string values at a schema path in `value` (arrays fan out). */
export function valuesAt(value, path) {
  let current = [value];
  for (const part of path.split('.')) {
    const array = part.endsWith('[]');
    const key = array ? part.slice(0, -2) : part;
    current = current.flatMap((v) => (v && typeof v === 'object' && key in v ? [v[key]] : []));
    if (array) current = current.flatMap((v) => (Array.isArray(v) ? v : []));
  }
  return current.filter((v) => typeof v === 'string');
}
