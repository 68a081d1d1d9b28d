import { css, html, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import type { BodyMapItem } from '../../src/model/instrument.js';
import { REGION_SETS } from '../../src/model/region-sets.js';
import { bodyMapFigure } from './body-map-figure.js';
import { bodyMapFigureStyles } from './body-map-figure.styles.js';
import { answerLabel, fieldsetItem, onAnswerChange, type ItemContext } from './item-templates.js';

/** A body map: the drawing to tap regions on, and the same regions as checkboxes in their groups. */
export function bodyMap(item: BodyMapItem, context: ItemContext): TemplateResult {
  const set = REGION_SETS[item.regionSet]!;
  const selected = new Set((context.value(item.id) as readonly string[] | undefined) ?? []);
  const label = (id: string) => context.text(item.regionLabels[id]!);
  const regions = set.groups.flatMap((group) => group.regions);
  return fieldsetItem(
    item,
    context,
    html`${bodyMapFigure({
        regionSet: set,
        selected,
        labelOf: label,
        onToggle: (regionId) => context.toggle(item, regionId),
        frontLabel: msg('Front', { id: 'body-map-front', desc: 'Caption of the drawing of the body seen from the front' }),
        backLabel: msg('Back', { id: 'body-map-back', desc: 'Caption of the drawing of the body seen from behind (not "go back")' }),
        leftLabel: msg('Left', { id: 'body-map-left', desc: "The person's own left side, marked on the body drawing" }),
        rightLabel: msg('Right', { id: 'body-map-right', desc: "The person's own right side, marked on the body drawing" }),
      })}
      <div class="region-groups" @change=${onAnswerChange((index) => context.toggle(item, regions[index]!))}>
        ${set.groups.map(
          (group) => html`<fieldset class="region-group">
            <legend>${label(group.id)}</legend>
            ${group.regions.map((region) => answerLabel(item, context, 'checkbox', selected.has(region), label(region), { className: 'choice answer region' }))}
          </fieldset>`,
        )}
      </div>`,
    'body-map-item',
  );
}

const regionGroupStyles = css`
  .region-groups {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12.5em), 1fr));
    gap: var(--_space);
    margin-block-start: var(--_space);
  }

  .region-group {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem;
    margin: 0;
    display: grid;
    gap: 0.25rem;
  }

  .region-group legend {
    font-weight: 600;
    padding-inline: 0.25rem;
  }

  .answer.region {
    min-block-size: 2.75rem;
    padding-block: 0.25rem;
  }
`;

export const bodyMapStyles = [bodyMapFigureStyles, regionGroupStyles];
