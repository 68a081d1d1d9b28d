import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

type Properties = Readonly<Record<string, string>>;

/**
 * Sets CSS properties through the CSSOM (`style.setProperty`), never as a `style` attribute: a
 * strict Content-Security-Policy without 'unsafe-inline' blocks style attributes, and Lit's
 * styleMap writes one on first render. Use on an element: `<div ${styleProperties({ 'inline-size': '40%' })}>`.
 */
class StylePropertiesDirective extends Directive {
  #applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('styleProperties() goes on an element, not in an attribute');
  }

  render(_properties: Properties): unknown {
    return noChange;
  }

  override update(part: ElementPart, [properties]: [Properties]): unknown {
    const { style } = part.element as HTMLElement;
    for (const name of this.#applied) if (!(name in properties)) style.removeProperty(name);
    for (const [name, value] of Object.entries(properties)) style.setProperty(name, value);
    this.#applied = new Set(Object.keys(properties));
    return noChange;
  }
}

export const styleProperties = directive(StylePropertiesDirective);
