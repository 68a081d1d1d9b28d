import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { render } from 'lit';
import { bodyMapFigure, type BodyMapFigureOptions } from '../../components/pp-questionnaire/body-map-figure.js';
import { bodyMapFigureStyles } from '../../components/pp-questionnaire/body-map-figure.styles.js';
import { tokens } from '../../components/shared/tokens.js';
import { REGION_SETS, regionIdsOf, type RegionSet } from '../../src/model/region-sets.js';

const ACR_2016 = REGION_SETS['acr-2016']!;
const hosts: HTMLElement[] = [];

/** Renders the figure into a shadow root with the styles the questionnaire gives it. */
function renderFigure(options: Partial<BodyMapFigureOptions> = {}, dir = 'ltr'): ShadowRoot {
  const host = document.createElement('div');
  host.dir = dir;
  document.body.append(host);
  hosts.push(host);
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [tokens.styleSheet!, bodyMapFigureStyles.styleSheet!];
  render(
    bodyMapFigure({
      regionSet: ACR_2016,
      selected: new Set(),
      labelOf: (region) => region,
      onToggle: () => {},
      frontLabel: 'Front',
      backLabel: 'Back',
      leftLabel: 'Left',
      rightLabel: 'Right',
      ...options,
    }),
    root,
  );
  return root;
}

const view = (root: ShadowRoot, name: 'front' | 'back') => root.querySelector(`.body-map-view[data-view=${name}]`)!;
const shapesIn = (scope: ParentNode) => [...scope.querySelectorAll<SVGPathElement>('[data-region]')];
const shape = (root: ShadowRoot, name: 'front' | 'back', regionId: string) =>
  view(root, name).querySelector(`[data-region="${regionId}"]`)!;
const centreX = (element: Element) => {
  const box = element.getBoundingClientRect();
  return box.left + box.width / 2;
};
const sideMarker = (root: ShadowRoot, name: 'front' | 'back', side: 'left' | 'right') =>
  view(root, name).querySelector(`[data-side=${side}]`)!;

describe('bodyMapFigure', () => {
  afterEach(() => hosts.splice(0).forEach((host) => host.remove()));

  it('draws every ACR 2016 region, and regions seen from both sides in both views', () => {
    const root = renderFigure();
    const drawn = new Set(shapesIn(root).map((path) => path.dataset['region']));
    expect([...drawn].sort()).to.deep.equal(regionIdsOf(ACR_2016).sort());
    for (const id of ['neck', 'shoulder-girdle-left', 'upper-arm-right', 'lower-arm-left', 'upper-leg-right', 'lower-leg-left']) {
      expect(shape(root, 'front', id), `${id} in the front view`).to.exist;
      expect(shape(root, 'back', id), `${id} in the back view`).to.exist;
    }
    expect(shape(root, 'front', 'chest')).to.exist;
    expect(shape(root, 'back', 'upper-back')).to.exist;
  });

  it('names each shape with the localized label and makes it a visible, hittable region', () => {
    const root = renderFigure({ labelOf: (region) => `label:${region}` });
    for (const path of shapesIn(root)) {
      expect(path.classList.contains('region')).to.be.true;
      expect(path.querySelector('title')!.textContent).to.equal(`label:${path.dataset['region']}`);
      const box = path.getBoundingClientRect();
      expect(box.width * box.height, `${path.dataset['region']} has an area`).to.be.greaterThan(0);
    }
  });

  it('calls onToggle with the id of the shape clicked', () => {
    const toggled: string[] = [];
    const root = renderFigure({ onToggle: (id) => toggled.push(id) });
    const shapes = shapesIn(root);
    shapes.forEach((path) => path.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    expect(toggled).to.deep.equal(shapes.map((path) => path.dataset['region']));
  });

  it('toggles the region under a real pointer click', async () => {
    const toggled: string[] = [];
    const root = renderFigure({ onToggle: (id) => toggled.push(id) });
    for (const [name, id] of [['front', 'chest'], ['back', 'upper-arm-left']] as const) {
      const box = shape(root, name, id).getBoundingClientRect();
      await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
    }
    expect(toggled).to.deep.equal(['chest', 'upper-arm-left']);
  });

  it('marks the shapes of selected regions, in both views', () => {
    const root = renderFigure({ selected: new Set(['jaw-left', 'upper-arm-right']) });
    const selected = shapesIn(root).filter((path) => path.classList.contains('selected'));
    expect(selected.map((path) => path.dataset['region']).sort()).to.deep.equal(['jaw-left', 'upper-arm-right', 'upper-arm-right']);
    expect(getComputedStyle(selected[0]!).strokeWidth, 'a heavier outline, not only a colour').to.not.equal(
      getComputedStyle(shape(root, 'front', 'chest')).strokeWidth,
    );
  });

  it('is hidden from assistive technology, which uses the region list instead', () => {
    const root = renderFigure();
    expect(root.querySelector('.body-map-figure')!.getAttribute('aria-hidden')).to.equal('true');
  });

  it('captions the front and back views', () => {
    const root = renderFigure({ frontLabel: 'Forfra', backLabel: 'Bagfra' });
    expect(view(root, 'front').querySelector('figcaption')!.textContent!.trim()).to.equal('Forfra');
    expect(view(root, 'back').querySelector('figcaption')!.textContent!.trim()).to.equal('Bagfra');
  });

  for (const dir of ['ltr', 'rtl']) {
    it(`shows the person's own sides, mirrored between the views (${dir} page)`, () => {
      const root = renderFigure({}, dir);
      expect(sideMarker(root, 'front', 'left').textContent).to.equal('Left');
      expect(centreX(sideMarker(root, 'front', 'left'))).to.be.greaterThan(centreX(sideMarker(root, 'front', 'right')));
      expect(centreX(shape(root, 'front', 'upper-arm-left'))).to.be.greaterThan(centreX(shape(root, 'front', 'upper-arm-right')));
      expect(centreX(sideMarker(root, 'back', 'left'))).to.be.lessThan(centreX(sideMarker(root, 'back', 'right')));
      expect(centreX(shape(root, 'back', 'upper-arm-left'))).to.be.lessThan(centreX(shape(root, 'back', 'upper-arm-right')));
      expect(centreX(view(root, 'front'))).to.be.lessThan(centreX(view(root, 'back')));
    });
  }

  it('fits a 320 px wide screen with both views side by side', () => {
    const root = renderFigure();
    (root.host as HTMLElement).style.inlineSize = '288px';
    const figure = root.querySelector('.body-map-figure')!.getBoundingClientRect();
    const [front, back] = [view(root, 'front'), view(root, 'back')].map((element) => element.getBoundingClientRect());
    expect(figure.width).to.be.at.most(288);
    expect(front!.right).to.be.at.most(back!.left);
    expect(Math.abs(front!.top - back!.top)).to.be.lessThan(1);
  });

  it('leaves out regions the artwork has no shape for', () => {
    const withExtraRegion: RegionSet = {
      ...ACR_2016,
      groups: [...ACR_2016.groups, { id: 'other', regions: ['tail'] }],
    };
    const root = renderFigure({ regionSet: withExtraRegion });
    expect(root.querySelector('[data-region=tail]')).to.not.exist;
    expect(shapesIn(root)).to.have.length(shapesIn(renderFigure()).length);
  });
});
