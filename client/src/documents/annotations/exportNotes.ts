import type { Annotation } from './model.js';

/** What the export says about each document: its title as this device knows it. */
export interface ExportDocument {
  id: string;
  title: string;
}

export interface ExportWords {
  title: string;
  page: (n: number) => string;
  version: (n: number) => string;
  highlight: string;
  colors: Record<Annotation['color'], string>;
}

/** The owner's annotations as JSON: one entry per document and version, its pages' highlights and notes. */
export function annotationsJson(annotations: readonly Annotation[], documents: readonly ExportDocument[], meta: { meeting: string; owner: string; exportedAt: string }) {
  const title = (id: string) => documents.find((d) => d.id === id)?.title ?? id;
  const groups = new Map<string, Annotation[]>();
  for (const a of annotations) groups.set(`${a.documentId}\n${a.version}`, [...(groups.get(`${a.documentId}\n${a.version}`) ?? []), a]);
  return {
    ...meta,
    documents: [...groups.values()].map((list) => ({
      documentId: list[0].documentId,
      title: title(list[0].documentId),
      version: list[0].version,
      annotations: list.map((a) => ({ page: a.page, color: a.color, rect: a.rect, note: a.note, at: a.at })),
    })),
  };
}

/** The same as Markdown, for reading: a heading per document and version, a line per highlight. */
export function annotationsMarkdown(
  annotations: readonly Annotation[],
  documents: readonly ExportDocument[],
  words: ExportWords,
  meta: { meeting: string; owner: string; exportedAt: string },
): string {
  const json = annotationsJson(annotations, documents, meta);
  const lines = [`# ${words.title}`, '', `${meta.meeting} — ${meta.owner} — ${meta.exportedAt}`];
  for (const doc of json.documents) {
    lines.push('', `## ${oneLine(doc.title)} (${words.version(doc.version)})`, '');
    for (const a of doc.annotations) {
      const note = a.note.trim() === '' ? '' : `: ${oneLine(a.note)}`;
      lines.push(`- ${words.page(a.page)} — ${words.highlight} (${words.colors[a.color]})${note}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A note's line breaks would end its list item; Markdown's own characters are kept as typed. */
const oneLine = (s: string): string => s.replace(/\s*\n\s*/g, ' / ');
