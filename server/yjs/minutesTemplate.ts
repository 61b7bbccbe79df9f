import * as Y from 'yjs';
import { TIPTAP_FIELD } from '../export/prosemirror.js';

/**
 * The Yjs client id the template is written under. Fixed, with fixed content, the template is the
 * same update wherever it is made: two instances that both find the minutes empty and seed them
 * store identical structs, which Yjs merges into one (docs/YJS.md, "The minutes' template").
 */
export const TEMPLATE_CLIENT_ID = 1;

/**
 * The minutes document as it starts: each section of the definition's template (`record.minutesSections`)
 * as a heading, with an empty paragraph under it for the secretary to write in. Null when there are none.
 */
export function minutesTemplateUpdate(sections: readonly string[]): Uint8Array | null {
  if (sections.length === 0) return null;
  const doc = new Y.Doc();
  doc.clientID = TEMPLATE_CLIENT_ID;
  try {
    const nodes = sections.flatMap((title) => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as unknown as string);
      heading.insert(0, [new Y.XmlText(title)]);
      return [heading, new Y.XmlElement('paragraph')];
    });
    doc.getXmlFragment(TIPTAP_FIELD).insert(0, nodes);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
