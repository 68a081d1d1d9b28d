import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A screen reader's virtual cursor over Chromium's own accessibility tree, as test-runner
 * commands (Chromium only).
 *
 * Why Chromium's tree and not a JavaScript simulation: every element of ours renders in shadow
 * DOM, and @guidepup/virtual-screen-reader (0.33) builds its tree from light-DOM children only, so
 * it hears nothing inside a custom element. The tree read here (`Accessibility.getFullAXTree`)
 * is the one Chromium hands to NVDA, JAWS, Orca and VoiceOver: roles, accessible names and
 * descriptions computed by the browser to the ARIA and accname specifications, across shadow
 * roots. What this file adds is only what a screen reader adds on top: a reading order, the words
 * for roles and states, the groups it enters, live-region announcements and focus following.
 *
 * Phrases read `role, name, value, states, position, description`, e.g.
 * `radio, Not at all, not checked, 1 of 4`. Keys and typing go through Puppeteer's real input.
 *
 * Commands (payloads in brackets): sr-start {selector}, sr-next, sr-previous, sr-next-control,
 * sr-next-heading, sr-focused, sr-activate, sr-press {key}, sr-type {text}, sr-transcript {name}.
 * Each returns what was spoken, one phrase per line; sr-transcript compares everything spoken
 * since sr-start with test/a11y/transcripts/<name>.txt (UPDATE_TRANSCRIPTS=1 rewrites it).
 */

const TRANSCRIPTS = fileURLToPath(new URL('./transcripts/', import.meta.url));

/** Form controls: what "next control" stops at, and what can be activated or typed into. */
const CONTROLS = new Set(['button', 'checkbox', 'combobox', 'link', 'listbox', 'menuitem', 'option', 'radio', 'searchbox', 'slider', 'spinbutton', 'switch', 'tab', 'textbox', 'DisclosureTriangle', 'PopUpButton', 'ToggleButton']);
/** Roles a screen reader reads as one whole: their text is their name. */
const WHOLE = new Set([...CONTROLS, 'heading', 'image', 'img', 'columnheader', 'rowheader', 'cell', 'gridcell', 'meter', 'progressbar']);
/** Containers announced when the cursor enters them (when they have a name, or always for these). */
const CONTAINERS = new Set(['group', 'radiogroup', 'region', 'dialog', 'alertdialog', 'form', 'navigation', 'complementary', 'list', 'table', 'figure', 'alert', 'status', 'main', 'banner', 'contentinfo', 'search', 'toolbar', 'tablist', 'tabpanel', 'article']);
const ALWAYS_ANNOUNCED = new Set(['dialog', 'alertdialog', 'list', 'table', 'alert', 'navigation', 'main']);
/** Chromium's internal roles, in the words of ARIA. */
const ROLE_WORDS = { image: 'image', img: 'image', DisclosureTriangle: 'button', PopUpButton: 'button', ToggleButton: 'button', searchbox: 'textbox' };

const prop = (node, name) => node.properties?.find((p) => p.name === name)?.value?.value;
/** Where the cursor is: the DOM node, or for text a style sheet adds (::before), the tree's own id. */
const keyOf = (node) => node.backendDOMNodeId ?? `ax-${node.nodeId}`;
const text = (value) => String(value ?? '').replace(/\s+/g, ' ').trim();

/**
 * One page's accessibility tree, indexed, with the reading order under the element read. The
 * element may have no node, or one without children (Chromium leaves out what adds nothing, and
 * hangs a shadow tree's nodes where it likes): the root is then made of the topmost nodes whose
 * DOM node is inside it (`domInside`, shadow trees included).
 */
async function indexTree(nodes, rootBackendId, domInside) {
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const parentOf = new Map();
  for (const node of nodes) for (const child of node.childIds ?? []) parentOf.set(child, node.nodeId);
  let root = nodes.find((node) => node.backendDOMNodeId === rootBackendId && node.childIds?.some((id) => byId.has(id)));
  if (!root) {
    const insideElement = await domInside();
    const inside = (node) => insideElement.has(node.backendDOMNodeId);
    const top = nodes.filter((node) => inside(node) && !(parentOf.has(node.nodeId) && inside(byId.get(parentOf.get(node.nodeId)))));
    root = { nodeId: 'element', ignored: true, role: { value: 'generic' }, childIds: top.map((node) => node.nodeId) };
    byId.set(root.nodeId, root);
    for (const node of top) parentOf.set(node.nodeId, root.nodeId);
  }
  const order = [];
  const visit = (id) => {
    const node = byId.get(id);
    if (!node || node.role?.value === 'InlineTextBox') return;
    order.push(node);
    for (const child of node.childIds ?? []) visit(child);
  };
  if (root) visit(root.nodeId);
  const ancestors = (node) => {
    const list = [];
    for (let id = parentOf.get(node.nodeId); id !== undefined; id = parentOf.get(id)) list.push(byId.get(id));
    return list;
  };
  return { byId, order, ancestors, root };
}

/** The text under a node, as a screen reader reads a block. */
function textOf(tree, node) {
  if (node.role?.value === 'StaticText') return text(node.name?.value);
  return text((node.childIds ?? []).map((id) => tree.byId.get(id)).filter((child) => child && !child.ignored).map((child) => textOf(tree, child)).join(' '));
}

function roleWord(node) {
  const role = node.role?.value;
  if (role === 'heading') return `heading, level ${prop(node, 'level') ?? 2}`;
  return ROLE_WORDS[role] ?? role;
}

/** "2 of 4" for a radio among the radios of its group. */
function position(tree, node) {
  if (node.role?.value !== 'radio') return undefined;
  const group = tree.ancestors(node).find((a) => ['radiogroup', 'group'].includes(a.role?.value) && !a.ignored);
  if (!group) return undefined;
  const radios = tree.order.filter((n) => n.role?.value === 'radio' && !n.ignored && tree.ancestors(n).includes(group));
  return `${radios.indexOf(node) + 1} of ${radios.length}`;
}

function states(node) {
  const words = [];
  const checked = prop(node, 'checked');
  if (checked !== undefined) words.push(checked === 'true' ? 'checked' : checked === 'mixed' ? 'half checked' : 'not checked');
  const pressed = prop(node, 'pressed');
  if (pressed !== undefined) words.push(pressed === 'true' ? 'pressed' : 'not pressed');
  const expanded = prop(node, 'expanded');
  if (expanded !== undefined) words.push(expanded ? 'expanded' : 'collapsed');
  if (prop(node, 'selected')) words.push('selected');
  if (prop(node, 'modal')) words.push('modal');
  if (prop(node, 'required')) words.push('required');
  if (prop(node, 'readonly')) words.push('read only');
  if (prop(node, 'disabled')) words.push('unavailable');
  const invalid = prop(node, 'invalid');
  if (invalid && invalid !== 'false') words.push('invalid entry');
  return words;
}

/**
 * What a screen reader says for a node, without the groups around it. A container that takes
 * focus and has no name is read out whole, as screen readers do.
 */
function phraseOf(tree, node, { focused = false } = {}) {
  const role = node.role?.value;
  if (role === 'StaticText' || role === 'paragraph' || role === 'generic' || role === 'LabelText' || role === 'Legend') return textOf(tree, node);
  const name = text(node.name?.value) || ((WHOLE.has(role) && !CONTROLS.has(role)) || (focused && !WHOLE.has(role)) ? textOf(tree, node) : '');
  const value = text(prop(node, 'valuetext') ?? node.value?.value);
  const around = tree.ancestors(node).find((a) => !a.ignored);
  const parts = [CONTROLS.has(role) && around?.role?.value === 'heading' ? `${roleWord(around)}, ${roleWord(node)}` : roleWord(node), name];
  if (role === 'list') parts.push(`${tree.order.filter((n) => n.role?.value === 'listitem' && tree.ancestors(n).find((a) => !a.ignored) === node).length} items`);
  if (value && value !== name) parts.push(value);
  parts.push(...states(node));
  const at = position(tree, node);
  if (at) parts.push(at);
  const description = text(node.description?.value);
  if (description) parts.push(description);
  return parts.filter(Boolean).join(', ');
}

/** Whether the node is a container the cursor announces on entering. */
const announcedContainer = (node) => !node.ignored && CONTAINERS.has(node.role?.value) && (ALWAYS_ANNOUNCED.has(node.role?.value) || text(node.name?.value) !== '');

/**
 * The stops of the virtual cursor, in reading order: controls, headings, images and cells as a
 * whole; announced containers; and blocks of text. Text that is already a name around it (a
 * legend, a label, the text naming or describing its group) is not read twice.
 */
function stopsOf(tree) {
  const stops = [];
  const inside = new Set();
  for (const node of tree.order) {
    if (node.ignored) continue;
    const ancestors = tree.ancestors(node);
    if (ancestors.some((a) => inside.has(a.nodeId))) continue;
    const role = node.role?.value;
    // A heading that is a button (a disclosure) is read as the button, with its level.
    if (role === 'heading' && tree.order.some((n) => CONTROLS.has(n.role?.value) && tree.ancestors(n).includes(node))) continue;
    if (WHOLE.has(role)) {
      stops.push(node);
      inside.add(node.nodeId);
    } else if (announcedContainer(node)) {
      stops.push(node);
    } else if (role === 'StaticText') {
      if (ancestors.some((a) => ['LabelText', 'Legend'].includes(a.role?.value))) continue;
      const said = text(node.name?.value);
      const namedAround = ancestors.find((a) => !a.ignored && text(a.name?.value) !== '' && a.role?.value !== 'generic');
      if (!said || (namedAround && [text(namedAround.name.value), text(namedAround.description?.value)].includes(said))) continue;
      stops.push(node);
    }
  }
  return stops;
}

/** The announced containers entered going from one node to the next. */
function entered(tree, from, to) {
  const left = new Set(from ? [from.nodeId, ...tree.ancestors(from).map((a) => a.nodeId)] : []);
  return tree
    .ancestors(to)
    .filter((a) => a.nodeId !== tree.root.nodeId && announcedContainer(a) && !left.has(a.nodeId))
    .reverse();
}

const liveRoots = (tree) => tree.order.filter((node) => !node.ignored && (['polite', 'assertive'].includes(prop(node, 'live')) || node.role?.value === 'alert') && !tree.ancestors(node).some((a) => prop(a, 'live') && prop(a, 'live') !== 'off'));

export function screenReaderPlugin() {
  const readers = new WeakMap();

  async function readerFor(session, reset) {
    if (session.browser.type !== 'puppeteer') throw new Error(`the screen-reader walk needs Chromium, not ${session.browser.type}`);
    const page = session.browser.getPage(session.id);
    if (reset || !readers.has(page)) readers.set(page, { page, cdp: readers.get(page)?.cdp ?? (await page.createCDPSession()), log: [] });
    return readers.get(page);
  }

  async function snapshot(reader) {
    const { nodes } = await reader.cdp.send('Accessibility.getFullAXTree');
    // The DevTools protocol leaves `valuetext` empty where aria-valuetext gives it (screen readers
    // get it through the platform's API): it is taken from the attribute, as ARIA maps it.
    for (const node of nodes) {
      const valueText = node.properties?.find((p) => p.name === 'valuetext');
      if (!valueText || valueText.value.value || !node.backendDOMNodeId) continue;
      const { node: element } = await reader.cdp.send('DOM.describeNode', { backendNodeId: node.backendDOMNodeId });
      const attributes = element.attributes ?? [];
      const at = attributes.indexOf('aria-valuetext');
      if (at >= 0) valueText.value.value = attributes[at + 1];
    }
    return indexTree(nodes, reader.rootBackendId, () => domInside(reader));
  }

  /** The backend ids of every DOM node inside the element read, through its shadow trees. */
  async function domInside(reader) {
    const { root } = await reader.cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const inside = new Set();
    const visit = (node, within) => {
      const here = within || node.backendNodeId === reader.rootBackendId;
      if (here) inside.add(node.backendNodeId);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child, here);
    };
    visit(root, false);
    return inside;
  }

  /** The tree once the page has stopped changing it (lazy parts, Lit updates, focus moves). */
  async function settled(reader) {
    let previous = '';
    for (let tries = 0; tries < 40; tries++) {
      await reader.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const tree = await snapshot(reader);
      const signature = tree.order.map((n) => `${n.role?.value}|${n.name?.value}|${JSON.stringify(n.properties)}`).join('\n');
      if (signature === previous) return tree;
      previous = signature;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the accessibility tree did not settle within 4 seconds');
  }

  const focusedIn = (tree) => tree.order.find((node) => prop(node, 'focused') && node !== tree.root);
  const liveTexts = (tree) => new Map(liveRoots(tree).map((node) => [node.backendDOMNodeId, { text: textOf(tree, node), alert: node.role?.value === 'alert' || prop(node, 'live') === 'assertive' }]));

  function say(reader, command, lines) {
    reader.log.push(`> ${command}`, ...lines);
    return lines.join('\n');
  }

  function speakAt(reader, tree, node, from, { focused = false } = {}) {
    reader.cursor = keyOf(node);
    return [...entered(tree, from, node).map((c) => phraseOf(tree, c)), phraseOf(tree, node, { focused })].join('; ');
  }

  const current = (reader, tree) => (reader.cursor === undefined ? undefined : tree.order.find((node) => keyOf(node) === reader.cursor));

  /** Moves to the next (or previous) stop that `wanted` accepts. */
  async function move(reader, command, step, wanted = () => true) {
    // A move changes nothing on the page: after the last action settled, one look is enough.
    const tree = command === 'start' ? await settled(reader) : await snapshot(reader);
    const stops = stopsOf(tree);
    const here = current(reader, tree);
    let index = here ? stops.indexOf(here) : -1;
    if (here && index < 0) index = stops.findIndex((stop) => tree.order.indexOf(stop) > tree.order.indexOf(here)) - (step > 0 ? 1 : 0);
    for (index += step; index >= 0 && index < stops.length; index += step) {
      if (wanted(stops[index])) return say(reader, command, [speakAt(reader, tree, stops[index], here)]);
    }
    return say(reader, command, [step > 0 ? 'end of content' : 'start of content']);
  }

  /** Runs an action on the page, then says what a screen reader says after it: focus moved, state changed, live regions. */
  async function act(reader, command, action, { focusesTarget = false } = {}) {
    const before = await settled(reader);
    const heard = liveTexts(before);
    const target = current(reader, before);
    const focusBefore = focusesTarget ? target?.backendDOMNodeId : focusedIn(before)?.backendDOMNodeId;
    await action(target);
    const after = await settled(reader);
    const lines = [];
    const focus = focusedIn(after);
    const here = current(reader, after);
    if (focus && focus.backendDOMNodeId !== focusBefore) lines.push(speakAt(reader, after, focus, here ?? target, { focused: true }));
    else if (here && phraseOf(after, here) !== phraseOf(before, target)) lines.push(phraseOf(after, here));
    for (const [id, live] of liveTexts(after)) {
      const was = heard.get(id);
      if (live.text && (was ? was.text !== live.text : live.alert)) lines.push(`${live.alert ? 'alert' : 'announced'}: ${live.text}`);
    }
    if (!here && !focus) reader.cursor = undefined;
    if (!lines.length) lines.push(focus ? '(nothing said)' : '(focus left the element)');
    return say(reader, command, lines);
  }

  async function focusCurrent(reader, target) {
    if (!target || !CONTROLS.has(target.role?.value)) throw new Error(`the cursor is on ${target ? `"${phraseOf(await snapshot(reader), target)}"` : 'nothing'}, not on a control`);
    await reader.cdp.send('DOM.focus', { backendNodeId: target.backendDOMNodeId });
  }

  async function transcript(reader, name) {
    if (!/^[a-z0-9.-]+$/.test(name)) throw new Error(`sr-transcript: bad name "${name}"`);
    const file = `${TRANSCRIPTS}${name}.txt`;
    const spoken = `${reader.log.join('\n')}\n`;
    if (process.env.UPDATE_TRANSCRIPTS) {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, spoken);
      return { same: true, spoken };
    }
    const kept = await readFile(file, 'utf8').catch(() => undefined);
    return { same: kept === spoken, spoken, kept: kept ?? `(no file test/a11y/transcripts/${name}.txt: run with UPDATE_TRANSCRIPTS=1 and review it)` };
  }

  return {
    name: 'screen-reader',
    async executeCommand({ command, payload, session }) {
      if (!command.startsWith('sr-')) return undefined;
      const reader = await readerFor(session, command === 'sr-start');
      switch (command) {
        case 'sr-start': {
          const { result } = await reader.cdp.send('Runtime.evaluate', { expression: `document.querySelector(${JSON.stringify(payload.selector)})` });
          if (!result.objectId) throw new Error(`sr-start: nothing matches ${payload.selector}`);
          reader.rootBackendId = (await reader.cdp.send('DOM.describeNode', { objectId: result.objectId })).node.backendNodeId;
          reader.cursor = undefined;
          return move(reader, 'start', 1);
        }
        case 'sr-next':
          return move(reader, 'next', 1);
        case 'sr-previous':
          return move(reader, 'previous', -1);
        case 'sr-next-control':
          return move(reader, 'next control', 1, (node) => CONTROLS.has(node.role?.value));
        case 'sr-next-heading':
          return move(reader, 'next heading', 1, (node) => node.role?.value === 'heading');
        case 'sr-focused': {
          const tree = await settled(reader);
          const focus = focusedIn(tree);
          return say(reader, 'where is focus', [focus ? speakAt(reader, tree, focus, current(reader, tree), { focused: true }) : 'nothing focused']);
        }
        case 'sr-activate':
          return act(reader, 'activate', async (target) => {
            await focusCurrent(reader, target);
            await reader.page.keyboard.press(target.role?.value === 'link' ? 'Enter' : ' ');
          }, { focusesTarget: true });
        case 'sr-press':
          return act(reader, `press ${payload.key}`, () => reader.page.keyboard.press(payload.key));
        case 'sr-type':
          return act(reader, `type "${payload.text}"`, async (target) => {
            await focusCurrent(reader, target);
            await reader.page.keyboard.type(payload.text);
          }, { focusesTarget: true });
        case 'sr-transcript':
          return transcript(reader, payload.name);
        default:
          throw new Error(`unknown screen-reader command ${command}`);
      }
    },
  };
}
