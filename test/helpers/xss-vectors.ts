/**
 * A corpus of known cross-site-scripting vectors (after the OWASP XSS filter evasion cheat sheet,
 * the HTML5 Security Cheatsheet and Markdown-specific link tricks), for any test that puts
 * content text on screen. Every vector that ran would call `alert`, `confirm`, `prompt` or
 * `window.__xss`, which `trapScriptExecution` records.
 */
export const XSS_VECTORS: readonly string[] = [
  '<script>window.__xss("script")</script>',
  '<SCRIPT SRC=data:text/javascript,window.__xss("script-src")></SCRIPT>',
  '<img src=x onerror=window.__xss("img-onerror")>',
  '<IMG SRC="javascript:window.__xss(\'img-js\')">',
  '<img src=x onerror="&#119;indow.__xss(\'entity\')">',
  '<svg onload=window.__xss("svg-onload")>',
  '<svg><script>window.__xss("svg-script")</script></svg>',
  '<body onload=window.__xss("body-onload")>',
  '<iframe src="javascript:window.__xss(\'iframe\')"></iframe>',
  '<iframe srcdoc="<script>parent.__xss(\'srcdoc\')</script>"></iframe>',
  '<object data="javascript:window.__xss(\'object\')"></object>',
  '<embed src="javascript:window.__xss(\'embed\')">',
  '<a href="javascript:window.__xss(\'a-href\')">click</a>',
  '<a href="JaVaScRiPt:window.__xss(\'a-case\')">click</a>',
  '<a href="&#106;avascript:window.__xss(\'a-entity\')">click</a>',
  '<details open ontoggle=window.__xss("details")>',
  '<input autofocus onfocus=window.__xss("autofocus")>',
  '<video><source onerror=window.__xss("video")></video>',
  '<audio src=x onerror=window.__xss("audio")>',
  '<marquee onstart=window.__xss("marquee")>',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss("mxss")>',
  '<form><button formaction="javascript:window.__xss(\'formaction\')">x</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss(\'meta\')">',
  '<style>@import "javascript:window.__xss(\'style\')";</style>',
  '<div style="background:url(javascript:window.__xss(\'css\'))">x</div>',
  '"><script>window.__xss("break-out")</script>',
  "'><img src=x onerror=window.__xss('quote')>",
  '<scr<script>ipt>window.__xss("nested")</scr</script>ipt>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss(\'noscript\')>">',
  '[click](javascript:window.__xss("md-link"))',
  '[click](JAVASCRIPT:window.__xss("md-upper"))',
  '[click]( javascript:window.__xss("md-space"))',
  '[click](&#106;avascript:window.__xss("md-entity"))',
  '[click](data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoJ2RhdGEnKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox("md-vbscript"))',
  '![x](x" onerror="window.__xss(\'md-image\'))',
  '<javascript:window.__xss("autolink")>',
  '[click][ref]\n\n[ref]: javascript:window.__xss("md-reference")',
  '**bold <img src=x onerror=window.__xss("in-bold")>**',
  '- item <script>window.__xss("in-list")</script>',
  '`<img src=x onerror=window.__xss("code")>`',
  '{{constructor.constructor("window.__xss(\'template\')")()}}',
  '${window.__xss("template-literal")}',
];

declare global {
  interface Window {
    __xss?: (what: string) => void;
  }
}

/**
 * Records every attempt of injected code to run, until the returned `restore` is called:
 * the calls vectors make, and the dialogs they would open.
 */
export function trapScriptExecution(): { readonly ran: string[]; restore(): void } {
  const ran: string[] = [];
  const saved = { alert: window.alert, confirm: window.confirm, prompt: window.prompt };
  window.__xss = (what) => void ran.push(what);
  window.alert = (message?: unknown) => void ran.push(`alert: ${String(message)}`);
  window.confirm = (message?: string) => (ran.push(`confirm: ${message}`), false);
  window.prompt = (message?: string) => (ran.push(`prompt: ${message}`), null);
  return {
    ran,
    restore() {
      Object.assign(window, saved);
      delete window.__xss;
    },
  };
}

const DANGEROUS_ELEMENTS = 'script, iframe, object, embed, frame, frameset, meta, base, link, style, form, input, textarea, button, video, audio, source, math, img';
/** A URL with a scheme other than these (after the blanks and control characters browsers skip) can run code or load a document. */
const SAFE_SCHEME = /^(?:https?|mailto)$/i;
const isUnsafeUrl = (url: string) => {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.replace(/[\u0000-\u0020]/g, ''))?.[1];
  return scheme !== undefined && !SAFE_SCHEME.test(scheme);
};

/**
 * What of injected markup reached the DOM under `root`, shadow roots included: event-handler
 * attributes, dangerous elements, and links or sources with an unsafe scheme. `allow` exempts
 * elements the component renders itself (e.g. its own radio inputs).
 */
export function injectedMarkup(root: Node, allow: (element: Element) => boolean = () => false): string[] {
  const found: string[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        if (/^on/i.test(attribute.name)) found.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
        if (['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc'].includes(attribute.name) && isUnsafeUrl(attribute.value)) {
          found.push(`<${element.localName} ${attribute.name}="${attribute.value}">`);
        }
      }
      if (element.matches(DANGEROUS_ELEMENTS) && !allow(element)) found.push(`<${element.localName}>`);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(root instanceof Element && root.shadowRoot ? root.shadowRoot : (root as ParentNode));
  return found;
}

/** How many of each dangerous element (inputs, buttons, forms…) a component renders for harmless content. */
export function ownElementCounts(clean: Element): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      if (element.matches(DANGEROUS_ELEMENTS)) counts.set(element.localName, (counts.get(element.localName) ?? 0) + 1);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  visit(clean.shadowRoot ?? clean);
  return counts;
}

/** An `allow` for `injectedMarkup` that lets through as many of each element as `ownElementCounts` found: only extra ones count as injected. */
export function allowCounted(counts: ReadonlyMap<string, number>): (element: Element) => boolean {
  const left = new Map(counts);
  return (element) => {
    const count = left.get(element.localName) ?? 0;
    left.set(element.localName, count - 1);
    return count > 0;
  };
}
