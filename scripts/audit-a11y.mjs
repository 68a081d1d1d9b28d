// A second accessibility auditor beside axe-core: IBM's Equal Access rules engine
// (accessibility-checker-engine, its WCAG 2.2 A/AA guideline) over every demo page and every
// Storybook story, in Debian's Chromium. Not part of `npm test` (CI has no time to spare for it);
// run it by hand, e.g. before a release or an accessibility statement:
//
//   npm run audit:a11y [-- --only=demo|stories] [--filter=TEXT] [--pages=N] [--fhir-corpus] [--report=FILE.json] [--verbose]
//
// --only      just the demo pages (served by Vite, as `npm start` does) or just the stories
// --filter    just the pages and stories whose name contains TEXT
// --pages     pages audited at once (default 2, one per core of our machines)
// --fhir-corpus  also demo/fhir.html with each FHIR Questionnaire of test/fixtures/fhir-corpus/
// --report    every finding, with its page, element path and snippet, as JSON
// --verbose   a line per page as it is audited, with its counts
//
// Every finding of level "violation" must be explained in scripts/audit-a11y-explained.json (each
// entry with a written reason), or the command exits 1. Potential violations, recommendations and
// manual checks are counted and listed, and fail nothing. The engine runs inside the page, from the
// package's ace.js: it fetches nothing, and the run fails if the page asks anything of another host.
// It looks into open shadow roots (all of our elements' are open); it cannot see into closed ones.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { launch } from '../test/e2e/engines.mjs';
import { serveStatic } from './static-server.mjs';
import { litSettled } from './lit-settled.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const ENGINE_DIR = join(root, 'node_modules/accessibility-checker-engine');
const ENGINE = join(ENGINE_DIR, 'ace.js');
const ENGINE_VERSION = JSON.parse(readFileSync(join(ENGINE_DIR, 'package.json'), 'utf8')).version;
const GUIDELINE = 'WCAG_2_2';
const EXPLAINED_FILE = join(root, 'scripts/audit-a11y-explained.json');
const STORYBOOK = join(root, 'storybook-static');
/** What a built Storybook shows: when any of these is newer than its index.json, it is built again. */
const STORYBOOK_SOURCES = ['stories', '.storybook', 'components', 'src', 'content'];
const LEVELS = ['violation', 'potentialviolation', 'recommendation', 'potentialrecommendation', 'manual'];
const SHORT = { violation: 'viol.', potentialviolation: 'pot. viol.', recommendation: 'recomm.', potentialrecommendation: 'pot. recomm.', manual: 'manual' };
// Deadlines for a page that hangs, not a slow one: a story's first load on a busy 2-core machine
// can take half a minute.
const LOAD_TIMEOUT_MS = 120_000;
const SETTLE_TIMEOUT_MS = 60_000;

const flags = new Map(
  process.argv.slice(2).map((arg) => {
    const [name, ...value] = arg.replace(/^--/, '').split('=');
    return [name, value.length ? value.join('=') : 'true'];
  }),
);
const known = ['only', 'filter', 'pages', 'fhir-corpus', 'report', 'verbose'];
for (const name of flags.keys()) {
  if (!known.includes(name)) {
    console.error(`unknown option --${name}; known: ${known.map((k) => `--${k}`).join(', ')}`);
    process.exit(2);
  }
}
const only = flags.get('only');
if (only && only !== 'demo' && only !== 'stories') {
  console.error('--only is demo or stories');
  process.exit(2);
}
const concurrency = Number(flags.get('pages') ?? 2);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error('--pages is a whole number of at least 1');
  process.exit(2);
}

/** The accepted findings, each with the reason it is accepted; an entry without one is refused. */
function readExplained() {
  const { explained } = JSON.parse(readFileSync(EXPLAINED_FILE, 'utf8'));
  for (const [index, entry] of explained.entries()) {
    const where = `${EXPLAINED_FILE} explained[${index}]`;
    if (typeof entry.rule !== 'string' || !entry.rule) throw new Error(`${where}: no rule`);
    if (typeof entry.why !== 'string' || entry.why.trim().length < 40) throw new Error(`${where} (${entry.rule}): no written reason ("why", a sentence or more)`);
    for (const key of ['page', 'path', 'snippet']) if (entry[key] !== undefined) new RegExp(entry[key]);
  }
  return explained;
}

const matches = (entry, finding) =>
  entry.rule === finding.rule &&
  (entry.reason === undefined || entry.reason === finding.reason) &&
  (entry.level === undefined || entry.level === finding.level) &&
  (entry.page === undefined || new RegExp(entry.page).test(finding.page)) &&
  (entry.path === undefined || new RegExp(entry.path).test(finding.path)) &&
  (entry.snippet === undefined || new RegExp(entry.snippet).test(finding.snippet));

// ---------------------------------------------------------------------------------------------
// In the page

/**
 * Waits until the page has a Painpath element, and every one is defined, has read its content and
 * finished rendering. False when that did not happen in time; throws when there is no element at all
 * (a page that is not the one meant, such as a server's error).
 */
async function settle(page) {
  const settled = await page
    .waitForFunction(
      () => {
        const waiting = [];
        let found = 0;
        const visit = (node) => {
          for (const element of node.querySelectorAll('*')) {
            if (element.localName.startsWith('pp-')) {
              found++;
              const defined = customElements.get(element.localName) !== undefined;
              // Questionnaire, education and chart say so in `status`; pathway and kiosk have
              // nothing `parsed` until their content is read (or `failure` when it cannot be).
              const loading =
                element.status === 'loading' ||
                ((element.localName === 'pp-pathway' || element.localName === 'pp-kiosk') && !element.parsed && !element.failure && element.screen !== 'failed');
              if (!defined || loading) waiting.push(element.localName);
            }
            if (element.shadowRoot) visit(element.shadowRoot);
          }
        };
        visit(document);
        return found > 0 && waiting.length === 0;
      },
      { timeout: SETTLE_TIMEOUT_MS, polling: 100 },
    )
    .then(
      () => true,
      () => false,
    );
  if (!settled) {
    const any = await page.evaluate(() => {
      const visit = (node) => [...node.querySelectorAll('*')].some((e) => e.localName.startsWith('pp-') || (e.shadowRoot && visit(e.shadowRoot)));
      return visit(document);
    });
    if (!any) throw new Error(`no Painpath element on the page: ${(await page.evaluate(() => document.body?.innerText ?? '')).slice(0, 120).replace(/\s+/g, ' ')}`);
  }
  await page.waitForNetworkIdle({ idleTime: 300, timeout: SETTLE_TIMEOUT_MS }).catch(() => {});
  await page.evaluate(litSettled);
  return settled;
}

/** Runs the engine on the whole document (open shadow roots included) and returns what it did not pass. */
async function check(page) {
  if (!(await page.evaluate(() => typeof window.ace?.Checker === 'function'))) await page.addScriptTag({ path: ENGINE });
  return page.evaluate(async (guidelineId) => {
    const checker = new window.ace.Checker();
    const guideline = checker.getGuidelines().find((g) => g.id === guidelineId);
    if (!guideline) throw new Error(`the engine has no guideline ${guidelineId}; it has ${checker.getGuidelineIds().join(', ')}`);
    // The success criteria each rule (and reason) is mapped to in this guideline.
    const criteria = new Map();
    for (const checkpoint of guideline.checkpoints) {
      for (const rule of checkpoint.rules ?? []) {
        const list = criteria.get(rule.id) ?? [];
        list.push({ num: checkpoint.num, name: checkpoint.name, wcagLevel: checkpoint.wcagLevel, reasons: rule.reasonCodes });
        criteria.set(rule.id, list);
      }
    }
    // As the engine's own accessibility-checker names a result's value.
    const levelOf = ([policy, confidence]) =>
      confidence === 'PASS'
        ? 'pass'
        : confidence === 'MANUAL'
          ? 'manual'
          : `${confidence === 'POTENTIAL' ? 'potential' : ''}${policy === 'VIOLATION' ? 'violation' : policy === 'RECOMMENDATION' ? 'recommendation' : policy.toLowerCase()}`;
    const report = await checker.check(document, [guidelineId]);
    return {
      rulesRun: report.numExecuted,
      passes: report.results.filter((r) => r.value[1] === 'PASS').length,
      findings: report.results
        .filter((r) => r.value[1] !== 'PASS')
        .map((r) => ({
          level: levelOf(r.value),
          rule: r.ruleId,
          reason: String(r.reasonId),
          message: r.message,
          wcag: (criteria.get(r.ruleId) ?? [])
            .filter((c) => !c.reasons || c.reasons.includes(String(r.reasonId)))
            .map((c) => `${c.num} ${c.name} (${c.wcagLevel})`)
            .join('; '),
          path: r.path.dom,
          aria: r.path.aria,
          snippet: r.snippet,
        })),
    };
  }, GUIDELINE);
}

/** Clicks the first element, in the page or an open shadow root, that matches `selector` and whose text matches `text`. */
const clickDeep = (page, selector, text = '') =>
  page.evaluate(
    (selector, text) => {
      const found = [];
      const visit = (node) => {
        for (const element of node.querySelectorAll('*')) {
          found.push(element);
          if (element.shadowRoot) visit(element.shadowRoot);
        }
      };
      visit(document);
      const target = found.find((e) => e.matches(selector) && new RegExp(text).test(e.textContent.trim()));
      if (!target) throw new Error(`nothing on the page matches ${selector}${text ? ` with the text /${text}/` : ''}`);
      target.click();
    },
    selector,
    text,
  );

// ---------------------------------------------------------------------------------------------
// What is visited

/** The demo pages (demo/*.html), and the states of the kiosk a person goes through. */
function demoVisits(base) {
  const kiosk = (name, steps) => ({ name: `demo:kiosk.html ${name}`, url: `${base}kiosk.html`, steps });
  const toLanguages = (page) => clickDeep(page, 'button', '^Start$');
  const toConsent = (lang) => async (page) => {
    await toLanguages(page);
    await settle(page);
    await clickDeep(page, `[lang="${lang}"] input[type="radio"]`);
  };
  // "I agree" is the consent's primary button, in the language chosen.
  const toStep = (lang) => async (page) => {
    await toConsent(lang)(page);
    await settle(page);
    await clickDeep(page, '[part="actions"] button.primary');
  };
  const visits = [
    { name: 'demo:index.html (portal, PHQ-9)', url: `${base}index.html` },
    { name: 'demo:gallery.html', url: `${base}gallery.html` },
    { name: 'demo:gallery.html?lang=ar', url: `${base}gallery.html?lang=ar` },
    { name: 'demo:themes.html', url: `${base}themes.html` },
    { name: 'demo:fhir.html', url: `${base}fhir.html` },
    kiosk('start', undefined),
    kiosk('language', toLanguages),
    kiosk('consent (en)', toConsent('en')),
    kiosk('questionnaire (en)', toStep('en')),
    kiosk('questionnaire (ar)', toStep('ar')),
  ];
  if (flags.has('fhir-corpus')) {
    const corpus = readdirSync(join(root, 'test/fixtures/fhir-corpus')).filter((file) => file.endsWith('.json') && file !== 'sources.json');
    visits.push(...corpus.map((file) => ({ name: `demo:fhir.html?form=${file}`, url: `${base}fhir.html?form=${encodeURIComponent(file)}` })));
  }
  return visits;
}

const newestIn = (path) => {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestIn(join(path, name))));
};

/** storybook-static/, built again (`npm run build-storybook`) when missing or older than what it shows. */
function builtStorybook() {
  const built = statSync(join(STORYBOOK, 'index.json'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const sources = Math.max(...STORYBOOK_SOURCES.map((dir) => newestIn(join(root, dir))));
  if (built > sources) {
    console.log('storybook-static/ is newer than stories/, .storybook/, components/, src/ and content/: reused');
  } else {
    console.log(built ? 'storybook-static/ is older than its sources: building it again' : 'no storybook-static/: building it');
    execFileSync('npm', ['run', '--silent', 'build-storybook'], { cwd: root, stdio: 'inherit', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } });
  }
  return JSON.parse(readFileSync(join(STORYBOOK, 'index.json'), 'utf8'));
}

/**
 * Every story, as test/storybook/stories-axe.test.mjs visits them. `globals=a11y.manual:!true`
 * turns off the preview's own axe run (addon-a11y), which would only slow each story down here.
 */
function storyVisits(base, index) {
  return Object.values(index.entries)
    .filter((entry) => entry.type === 'story')
    .map((entry) => ({
      name: `story:${entry.id}`,
      url: `${base}/iframe.html?id=${encodeURIComponent(entry.id)}&viewMode=story&globals=a11y.manual:!true`,
      story: entry.id,
    }));
}

/** Waits until Storybook calls the story rendered; returns the error it shows instead, if any. */
async function storyRendered(page, id) {
  await page.waitForFunction(
    (id) => {
      const render = window.__STORYBOOK_PREVIEW__?.currentRender;
      const finished = render?.id === id && (render.phase === 'finished' || render.phase === 'errored');
      return finished || document.body.classList.contains('sb-show-errordisplay');
    },
    { timeout: LOAD_TIMEOUT_MS, polling: 100 },
    id,
  );
  return page.evaluate(() => document.body.classList.contains('sb-show-errordisplay') && document.querySelector('#error-message')?.textContent);
}

// ---------------------------------------------------------------------------------------------
// The run

async function audit(browser, visit, foreignRequests) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message.split('\n')[0]));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') foreignRequests.push(`${visit.name}: ${request.url()}`);
  });
  const started = Date.now();
  try {
    await page.goto(visit.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT_MS });
    if (visit.story) {
      const failed = await storyRendered(page, visit.story);
      if (failed) return { ...visit, error: `the story failed to render: ${failed}`, errors };
    }
    let settled = await settle(page);
    if (visit.steps) {
      await visit.steps(page);
      settled = await settle(page);
    }
    const result = await check(page);
    return { ...visit, ...result, settled, errors, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    return { ...visit, error: `could not be checked: ${error.message.split('\n')[0]}`, errors };
  } finally {
    await page.close();
  }
}

async function main() {
  const startedAt = Date.now();
  const explained = readExplained();
  const cleanup = [];
  const visits = [];
  try {
    if (only !== 'stories') {
      const server = await createServer({ configFile: join(root, 'vite.config.ts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
      await server.listen();
      cleanup.push(() => server.close());
      visits.push(...demoVisits(server.resolvedUrls.local[0]));
    }
    if (only !== 'demo') {
      const index = builtStorybook();
      const server = await serveStatic({ '/': STORYBOOK });
      cleanup.push(() => new Promise((done) => server.close(done)));
      visits.push(...storyVisits(`http://127.0.0.1:${server.address().port}`, index));
    }
    const filter = flags.get('filter');
    const chosen = filter ? visits.filter((visit) => visit.name.includes(filter)) : visits;

    const browser = await launch('chromium');
    cleanup.push(() => browser.close());
    const chromium = await browser.version();
    console.log(`IBM Equal Access accessibility-checker-engine ${ENGINE_VERSION}, guideline ${GUIDELINE}, in ${chromium}; ${chosen.length} pages, ${concurrency} at a time`);

    const foreignRequests = [];
    const results = new Array(chosen.length);
    const queue = chosen.map((visit, index) => ({ visit, index }));
    let done = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        for (let next = queue.shift(); next; next = queue.shift()) {
          const result = await audit(browser, next.visit, foreignRequests);
          results[next.index] = result;
          done++;
          // One line per page when asked for or written to a terminal, otherwise one every 20 pages.
          if (flags.has('verbose') || process.stdout.isTTY || done % 20 === 0 || done === chosen.length) {
            const counts = result.error ?? LEVELS.map((level) => result.findings.filter((f) => f.level === level).length).join('/');
            console.log(`  [${done}/${chosen.length}] ${next.visit.name}: ${counts}`);
          }
        }
      }),
    );

    // Findings, each with the explanation that accepts it, if any.
    for (const result of results) {
      for (const finding of result.findings ?? []) {
        finding.page = result.name;
        finding.explained = explained.some((entry) => matches(entry, finding));
      }
    }
    const findings = results.flatMap((result) => result.findings ?? []);
    const unexplained = findings.filter((f) => f.level === 'violation' && !f.explained);
    const broken = results.filter((r) => r.error);

    // By rule: one line per rule, reason and level, with its elements and pages.
    const byRule = new Map();
    for (const f of findings) {
      const key = `${f.level}\t${f.rule}\t${f.reason}`;
      const group = byRule.get(key) ?? { level: f.level, rule: f.rule, reason: f.reason, wcag: f.wcag, message: f.message, count: 0, pages: new Set(), paths: new Set(), explained: new Set() };
      group.count++;
      group.pages.add(f.page);
      group.paths.add(f.path);
      group.explained.add(f.explained ? 'yes' : f.level === 'violation' ? 'NO' : '-');
      byRule.set(key, group);
    }
    const groups = [...byRule.values()].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || b.count - a.count);

    console.log(`\nFindings by rule (${GUIDELINE}; "explained" = accepted in scripts/audit-a11y-explained.json)\n`);
    table(
      ['level', 'rule (reason)', 'WCAG', 'found', 'pages', 'elements', 'explained'],
      groups.map((g) => [SHORT[g.level], `${g.rule} (${g.reason})`, g.wcag.split(' ')[0] || '—', g.count, g.pages.size, g.paths.size, [...g.explained].join('/')]),
    );

    console.log('\nBy source (violation / potential violation / recommendation / potential recommendation / manual)\n');
    const sources = [
      ['demo pages', (r) => r.name.startsWith('demo:')],
      ['stories', (r) => r.name.startsWith('story:')],
    ];
    table(
      ['source', 'pages', 'v / pv / r / pr / m', 'violations explained', 'not explained', 'not checked'],
      sources
        .map(([name, test]) => [name, results.filter(test)])
        .filter(([, rs]) => rs.length)
        .map(([name, rs]) => {
          const fs = rs.flatMap((r) => r.findings ?? []);
          const violations = fs.filter((f) => f.level === 'violation');
          return [name, rs.length, LEVELS.map((level) => fs.filter((f) => f.level === level).length).join(' / '), violations.filter((f) => f.explained).length, violations.filter((f) => !f.explained).length, rs.filter((r) => r.error).length];
        }),
    );
    const notes = results.filter((r) => !r.error && (!r.settled || r.errors.length));
    for (const r of notes) console.log(`note: ${r.name}: ${[!r.settled && 'still loading after 60 s', r.errors.length && `page errors: ${r.errors.join(' | ')}`].filter(Boolean).join('; ')}`);
    const clean = results.filter((r) => !r.error && r.findings.length === 0).length;
    const totals = Object.fromEntries(LEVELS.map((level) => [level, findings.filter((f) => f.level === level).length]));
    console.log(`\n${results.length} pages: ${clean} without any finding; ${broken.length} could not be checked.`);
    console.log(`Totals: ${LEVELS.map((level) => `${totals[level]} ${level}`).join(', ')}; ${totals.violation - unexplained.length} violations explained, ${unexplained.length} not.`);

    if (unexplained.length) {
      console.log('\nViolations not explained in scripts/audit-a11y-explained.json:\n');
      const seen = new Map();
      for (const f of unexplained) {
        const key = `${f.rule}\t${f.reason}\t${f.path}`;
        const entry = seen.get(key) ?? { ...f, pages: [] };
        entry.pages.push(f.page);
        seen.set(key, entry);
      }
      for (const f of seen.values()) {
        console.log(`${f.rule} (${f.reason}) — WCAG ${f.wcag || '?'}\n  ${f.message}\n  at ${f.path}\n  ${f.snippet.slice(0, 200)}\n  on ${f.pages.length > 3 ? `${f.pages.slice(0, 3).join(', ')} and ${f.pages.length - 3} more` : f.pages.join(', ')}`);
      }
    }
    const unused = explained.filter((entry) => (!entry.with || flags.has(entry.with.replace(/^--/, ''))) && !findings.some((f) => matches(entry, f)));
    if (unused.length && !filter && !only) console.log(`\nExplanations that matched nothing this run (stale?): ${unused.map((e) => e.rule).join(', ')}`);
    if (foreignRequests.length) console.log(`\nRequests to other hosts (none is allowed):\n  ${foreignRequests.join('\n  ')}`);
    for (const r of broken) console.log(`\n${r.name}: ${r.error}`);

    const report = flags.get('report');
    if (report) {
      writeFileSync(report, `${JSON.stringify({ engine: `accessibility-checker-engine ${ENGINE_VERSION}`, guideline: GUIDELINE, chromium, date: new Date().toISOString(), totals, results: results.map(({ steps, ...r }) => r) }, null, 2)}\n`);
      console.log(`\nEvery finding: ${report}`);
    }
    console.log(`\nTook ${Math.round((Date.now() - startedAt) / 1000)} s.`);
    return unexplained.length || broken.length || foreignRequests.length ? 1 : 0;
  } finally {
    for (const close of cleanup.reverse()) await close();
  }
}

function table(head, rows) {
  const cells = [head, ...rows].map((row) => row.map(String));
  const widths = head.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`;
  console.log(line(cells[0]));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of cells.slice(1)) console.log(line(row));
}

process.exitCode = await main();
