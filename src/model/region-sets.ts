import type { TextMap } from './text.js';

export interface Region {
  readonly id: string;
  readonly label: TextMap;
}

export interface RegionGroup {
  readonly id: string;
  readonly label: TextMap;
  readonly regions: readonly Region[];
}

export interface RegionSet {
  readonly id: string;
  readonly groups: readonly RegionGroup[];
  readonly source: string;
}

const region = (id: string, en: string): Region => ({ id, label: { en } });

/**
 * The 19 regions of the Widespread Pain Index in the five groups used for "generalized pain".
 * Labels are our own wording of the regions the criteria name.
 */
const acr2016: RegionSet = {
  id: 'acr-2016',
  source:
    'Wolfe F, Clauw DJ, Fitzcharles MA, et al. 2016 Revisions to the 2010/2011 fibromyalgia diagnostic criteria. Semin Arthritis Rheum. 2016;46(3):319-329. doi:10.1016/j.semarthrit.2016.08.012',
  groups: [
    {
      id: 'left-upper',
      label: { en: 'Left upper region' },
      regions: [
        region('jaw-left', 'Left jaw'),
        region('shoulder-girdle-left', 'Left shoulder girdle'),
        region('upper-arm-left', 'Left upper arm'),
        region('lower-arm-left', 'Left lower arm'),
      ],
    },
    {
      id: 'right-upper',
      label: { en: 'Right upper region' },
      regions: [
        region('jaw-right', 'Right jaw'),
        region('shoulder-girdle-right', 'Right shoulder girdle'),
        region('upper-arm-right', 'Right upper arm'),
        region('lower-arm-right', 'Right lower arm'),
      ],
    },
    {
      id: 'left-lower',
      label: { en: 'Left lower region' },
      regions: [
        region('hip-left', 'Left hip (buttock)'),
        region('upper-leg-left', 'Left upper leg'),
        region('lower-leg-left', 'Left lower leg'),
      ],
    },
    {
      id: 'right-lower',
      label: { en: 'Right lower region' },
      regions: [
        region('hip-right', 'Right hip (buttock)'),
        region('upper-leg-right', 'Right upper leg'),
        region('lower-leg-right', 'Right lower leg'),
      ],
    },
    {
      id: 'axial',
      label: { en: 'Axial region' },
      regions: [
        region('neck', 'Neck'),
        region('upper-back', 'Upper back'),
        region('lower-back', 'Lower back'),
        region('chest', 'Chest'),
        region('abdomen', 'Abdomen'),
      ],
    },
  ],
};

export const REGION_SETS: Readonly<Record<string, RegionSet>> = { [acr2016.id]: acr2016 };

export const regionIdsOf = (set: RegionSet): string[] => set.groups.flatMap((group) => group.regions.map((r) => r.id));
