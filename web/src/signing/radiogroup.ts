/**
 * antd's Radio.Group passes a role through to its element but does not type it. As a named radiogroup the group
 * may carry a required field's aria-required (axe aria-allowed-attr; WCAG 4.1.2).
 */
export const RADIOGROUP: Record<string, string> = { role: 'radiogroup' };
