import type { ScreenMessages } from '../screen.js';

export const screenEn: ScreenMessages = {
  scanToFollow: 'Scan to follow online',
  waiting: 'Please take your seats',
  connectionLost: 'Connection lost — reconnecting',
  present: (present, members) => `${present}/${members} members present`,
  quorumMissing: (required) => `no quorum yet (${required} needed)`,
  presenter: 'Presented by',
  underReview: 'Under review',
  page: (n, of) => `Page ${n}/${of}`,
  votes: 'Votes',
  ofCast: '% of votes cast',
  ofVoters: '% of voters',
  option: 'Option',
  subject: 'Name',
};
