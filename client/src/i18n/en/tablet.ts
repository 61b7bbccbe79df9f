import { formatCount } from '../../../../shared/format.js';
import type { tabletVi } from '../tablet.js';

export const tabletEn: typeof tabletVi = {
  tabs: 'Sections of this screen',
  tab: { item: 'Now', speakers: 'Speakers', notes: 'Notes', vote: 'Voting', documents: 'Documents' },
  itemDocuments: (n) => `This item's documents (${n})`,
  papersToFill: (n) => `${formatCount(n, 'en')} ${n === 1 ? 'paper' : 'papers'} to fill in`,
  myPlace: (n) => `You are number ${formatCount(n, 'en')}`,
  myPlaceHint: "in the speakers' list",
  openPaper: (n) => `${formatCount(n, 'en')} ${n === 1 ? 'paper' : 'papers'} to fill in · Open`,
  nowSpeaking: 'Speaking:',
  noQueueYet: "The speakers' list opens when the chair opens an item.",
  noVoteYet: 'No vote yet.',
};
