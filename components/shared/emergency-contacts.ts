import type { EmergencyContacts } from '../../src/model/emergency.js';

/** The attributes a host sets once, on any ancestor of the elements (or on one element). */
const EMERGENCY_NUMBER_ATTRIBUTE = 'data-pp-emergency-number';
const OUT_OF_HOURS_ATTRIBUTE = 'data-pp-out-of-hours';

/** The attribute's value on the element or its closest ancestor that has it, through shadow roots (an element inside `<pp-kiosk>` finds the page's). */
function closestAttribute(element: Element, name: string): string | undefined {
  for (let node: Element | undefined = element; node; ) {
    const value = node.closest(`[${name}]`)?.getAttribute(name)?.trim();
    if (value !== undefined) return value || undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  return undefined;
}

/** The local emergency number and out-of-hours service the host gave, read where the element sits. */
export const emergencyContactsOf = (element: Element): EmergencyContacts => ({
  emergencyNumber: closestAttribute(element, EMERGENCY_NUMBER_ATTRIBUTE),
  outOfHours: closestAttribute(element, OUT_OF_HOURS_ATTRIBUTE),
});
