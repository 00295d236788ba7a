// Policywright's exports through what static site generators run over them: Liquid (liquidjs:
// Jekyll's language, Eleventy's default engine), Nunjucks (Eleventy), markdown-it with linkify on
// (Eleventy, VitePress) and a YAML parser for the front matter (js-yaml, as in Eleventy's
// gray-matter). The exports come from the real CLI, for a project with template syntax in every
// free-text field and URL.

import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Liquid } from 'liquidjs';
import nunjucks from 'nunjucks';
import MarkdownIt from 'markdown-it';
import { load as loadYaml } from 'js-yaml';

import {
  poison, freeTextPaths, valuesAt, SITE_SECRET, BIDI_CONTROLS, HOSTILE_NAME, HOSTILE_TEXT,
  TEMPLATE_SYNTAX,
} from './hostile-project.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The CLI: $POLICYWRIGHT_BIN, or the debug build, brought up to date first. */
function cliPath() {
  if (process.env.POLICYWRIGHT_BIN) return process.env.POLICYWRIGHT_BIN;
  execFileSync('cargo', ['build', '--quiet', '-p', 'policywright', '--bin', 'policywright'], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const meta = JSON.parse(
    execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { cwd: root, encoding: 'utf8' }),
  );
  return join(meta.target_directory, 'debug', process.platform === 'win32' ? 'policywright.exe' : 'policywright');
}

/** What a site passes its templates. */
const siteData = {
  site: { title: SITE_SECRET, url: SITE_SECRET },
  page: { title: SITE_SECRET },
  title: SITE_SECRET,
};

const exports = {};
let project;

before(() => {
  const cli = cliPath();
  const work = mkdtempSync(join(tmpdir(), 'policywright-site-generators-'));
  try {
    const example = JSON.parse(execFileSync(cli, ['new', '--example', 'saas'], { encoding: 'utf8' }));
    project = poison(example);
    const file = join(work, 'hostile.policy.json');
    writeFileSync(file, JSON.stringify(project, null, 2));
    // `export` refuses a project with errors: the hostile project must be a valid one.
    execFileSync(cli, ['check', file], { encoding: 'utf8' });
    // A published version carries the owner's text into the history (its header, text and
    // summary), and the exports print the history's dates and summaries.
    const summary = `summary: ${HOSTILE_TEXT}`;
    execFileSync(cli, ['publish', file, '--date', '2026-01-05', '--summary', summary], { encoding: 'utf8' });
    project = JSON.parse(readFileSync(file, 'utf8'));
    const run = (out, name, ...args) => {
      execFileSync(cli, ['export', file, '--out', join(work, out), ...args], { encoding: 'utf8' });
      return readFileSync(join(work, out, name), 'utf8');
    };
    exports.markdown = run('md', 'hostile.md', '--format', 'md', '--front-matter');
    exports.page = run('page', 'hostile.html', '--format', 'html');
    exports.fragment = run('fragment', 'hostile.html', '--format', 'html', '--fragment');
    exports.published = run('published', 'hostile-v1.html', '--format', 'html', '--version', '1');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

/** The front matter's YAML and the Markdown after it, split as Jekyll and gray-matter do. */
function splitFrontMatter(markdown) {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  assert.ok(match, 'the Markdown starts with front matter');
  return { yaml: match[1], body: markdown.slice(match[0].length) };
}

/** Decodes the character references our HTML uses. */
function decodeHtml(text) {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);/g, (_, d) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&(quot|apos|lt|gt|amp);/g, (_, n) => ({ quot: '"', apos: "'", lt: '<', gt: '>', amp: '&' })[n]);
}

/** Bidi controls dropped, as every output does with owner text. */
const shown = (text) => text.replace(new RegExp(BIDI_CONTROLS, 'gu'), '');

test('the hostile project covers every free-text field of the schema', () => {
  const schema = JSON.parse(readFileSync(join(root, 'docs', 'project.schema.json'), 'utf8'));
  const paths = freeTextPaths(schema);
  assert.ok(paths.length > 30, `found only ${paths.length} free-text fields`);
  const hostile = (v) => v.includes('{');
  const missed = paths.filter((p) => !valuesAt(project, p).some(hostile));
  assert.deepEqual(missed, [], 'fields without template syntax in the test project');
});

for (const name of ['markdown', 'page', 'fragment', 'published']) {
  test(`liquidjs prints the ${name} export exactly as it is`, async () => {
    const liquid = new Liquid({ strictFilters: true });
    const out = await liquid.parseAndRender(exports[name], siteData);
    assert.equal(out, exports[name]);
    assert.ok(!out.includes('1337') && !out.includes(SITE_SECRET));
  });

  test(`nunjucks prints the ${name} export exactly as it is`, () => {
    const env = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: true });
    const out = env.renderString(exports[name], siteData);
    assert.equal(out, exports[name]);
    assert.ok(!out.includes('1337') && !out.includes(SITE_SECRET));
  });

  test(`the ${name} export has no bidi embeddings, overrides or isolates`, () => {
    assert.doesNotMatch(exports[name], BIDI_CONTROLS);
  });
}

/** markdown-it with linkify on, and linkify-it's fuzzy links (bare `evil.com`, `www.`, emails,
 * IPs) too: off by default since linkify-it 6, on in the markdown-it 14 many sites still use. */
function markdownIt() {
  const md = new MarkdownIt({ html: true, linkify: true });
  md.linkify.set({ fuzzyLink: true, fuzzyEmail: true, fuzzyIP: true });
  return md;
}

test('markdown-it with linkify links only what Policywright linked, and shows the braces', () => {
  const { body } = splitFrontMatter(exports.markdown);
  const md = markdownIt();
  const html = md.render(body);
  const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => decodeHtml(m[1]));
  assert.ok(hrefs.length > 20, 'the policy has its links');
  for (const href of hrefs) {
    if (href.startsWith('#')) continue;
    if (href.startsWith('mailto:')) {
      assert.ok(!href.includes('evil'), `owner text became a mail link: ${href}`);
      continue;
    }
    const url = new URL(href);
    assert.equal(url.protocol, 'https:', href);
    assert.ok(!/evil|10\.6\.6\.6/.test(url.hostname), `owner text became a link: ${href}`);
  }
  // Our heading anchors survive as anchors, and the contents links point at them.
  for (const id of ['who-we-are', 'contact', 'your-rights']) {
    assert.ok(html.includes(`<a id="${id}"></a>`), `anchor ${id}`);
    assert.ok(hrefs.includes(`#${id}`), `contents link to ${id}`);
  }
  // Readers see the owner's braces, not references or backslashes.
  for (const syntax of TEMPLATE_SYNTAX) {
    assert.ok(decodeHtml(html).includes(syntax), `the page shows ${syntax}`);
  }
  assert.ok(!html.includes('&amp;#123;'), 'a brace reference was escaped twice');
});

test('after Liquid and Nunjucks, markdown-it renders the same page', () => {
  const md = markdownIt();
  const { body } = splitFrontMatter(exports.markdown);
  const viaLiquid = new Liquid().parseAndRenderSync(body, siteData);
  const viaNunjucks = new nunjucks.Environment().renderString(body, siteData);
  assert.equal(md.render(viaLiquid), md.render(body));
  assert.equal(md.render(viaNunjucks), md.render(body));
});

test('the front matter parses back to exactly the title and description', () => {
  const { yaml: text } = splitFrontMatter(exports.markdown);
  // Raw, these break YAML 1.1 parsers (Jekyll's libyaml) or act as line breaks there.
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/u);
  assert.ok(!text.includes('{'), 'a brace in the front matter');
  const data = loadYaml(text);
  assert.deepEqual(Object.keys(data).sort(), ['date', 'description', 'generator', 'layout', 'title']);
  const name = shown(HOSTILE_NAME);
  assert.equal(data.title, `Privacy policy – ${name}`);
  assert.ok(data.description.includes(name));
  // The HTML page says the same in its <title> and description.
  const title = decodeHtml(/<title>([\s\S]*?)<\/title>/.exec(exports.page)[1]);
  const description = decodeHtml(/<meta name="description" content="([^"]*)">/.exec(exports.page)[1]);
  // HTML does not allow the control characters: they become spaces there.
  const inHtml = (text) => text.replace(new RegExp(HTML_PARSE_ERRORS, 'gu'), ' ');
  assert.equal(description, inHtml(data.description));
  assert.equal(title, inHtml(data.title));
});

/** Characters that are parse errors in HTML. */
const HTML_PARSE_ERRORS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f\ufffe\uffff]/u;

test('the HTML has none of the characters HTML does not allow', () => {
  for (const name of ['page', 'fragment', 'published']) assert.doesNotMatch(exports[name], HTML_PARSE_ERRORS, name);
});

test('the owner text reaches the outputs at all', () => {
  // Guards the tests above against passing on a policy that dropped the hostile answers.
  const first = shown(HOSTILE_TEXT).split(' ').slice(0, 2).join(' ');
  assert.ok(first.startsWith('Kestrel {{'));
  for (const name of ['page', 'fragment', 'published']) {
    assert.ok(decodeHtml(exports[name]).includes('legal name: Kestrel {{7|plus:1330}}'), name);
  }
  assert.ok(exports.markdown.includes('legal name\\: Kestrel &#123;&#123;7\\|plus\\:1330\\}\\}'));
});
