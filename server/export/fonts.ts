import { createRequire } from 'node:module';

/**
 * Noto Serif, the TrueType files of @expo-google-fonts/noto-serif (docs/DECISIONS.md, "PDF"): a
 * serif face close to the Times of these bodies' documents, with every Vietnamese letter and tone
 * mark. Resolved from node_modules, so the Docker image needs nothing besides its `dependencies`.
 */
const require = createRequire(import.meta.url);
const file = (weight: string) => require.resolve(`@expo-google-fonts/noto-serif/${weight}/NotoSerif_${weight}.ttf`);

export const PDF_FONTS = {
  regular: file('400Regular'),
  bold: file('700Bold'),
  italic: file('400Regular_Italic'),
  boldItalic: file('700Bold_Italic'),
};
