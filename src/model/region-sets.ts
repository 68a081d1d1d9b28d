/** Regions counted together, e.g. the upper body's left side. */
export interface RegionGroup {
  readonly id: string;
  readonly regions: readonly string[];
}

/**
 * The regions a body map offers, by id, in their groups. The ids name the shapes of the body
 * drawing; their labels are content, in each body-map item's `regionLabels`.
 */
export interface RegionSet {
  readonly id: string;
  readonly groups: readonly RegionGroup[];
  readonly source: string;
}

/** The 19 regions of the Widespread Pain Index in the five groups used for "generalized pain". */
const acr2016: RegionSet = {
  id: 'acr-2016',
  source:
    'Wolfe F, Clauw DJ, Fitzcharles MA, et al. 2016 Revisions to the 2010/2011 fibromyalgia diagnostic criteria. Semin Arthritis Rheum. 2016;46(3):319-329. doi:10.1016/j.semarthrit.2016.08.012',
  groups: [
    { id: 'left-upper', regions: ['jaw-left', 'shoulder-girdle-left', 'upper-arm-left', 'lower-arm-left'] },
    { id: 'right-upper', regions: ['jaw-right', 'shoulder-girdle-right', 'upper-arm-right', 'lower-arm-right'] },
    { id: 'left-lower', regions: ['hip-left', 'upper-leg-left', 'lower-leg-left'] },
    { id: 'right-lower', regions: ['hip-right', 'upper-leg-right', 'lower-leg-right'] },
    { id: 'axial', regions: ['neck', 'upper-back', 'lower-back', 'chest', 'abdomen'] },
  ],
};

export const REGION_SETS: Readonly<Record<string, RegionSet>> = { [acr2016.id]: acr2016 };

export const regionIdsOf = (set: RegionSet): string[] => set.groups.flatMap((group) => group.regions);

/** The ids a body map over the set needs a label for: every group and every region. */
export const labelledIdsOf = (set: RegionSet): string[] => set.groups.flatMap((group) => [group.id, ...group.regions]);
